"""Public URLs of the owners app, under /owners/ (outside the admin)."""

from django.urls import path

from . import views

app_name = "owners"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/thanks/", views.signup_thanks, name="signup_thanks"),
    path(
        "set-password/<uidb64>/<token>/",
        views.SetPasswordView.as_view(),
        name="set_password",
    ),
]
