from django.urls import path

from . import views

app_name = "preview"
urlpatterns = [
    path("", views.preview, name="page"),
    path("static/<slug:territory>/<path:name>", views.static, name="static"),
]
