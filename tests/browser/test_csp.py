"""The CMS's Content-Security-Policy in real Chromium: the admin works under it,
asks no third party for anything, and a preview cannot script the admin.
"""

from urllib.parse import urlsplit

import pytest
from PIL import Image

from tests.browser.test_editor_flow import log_in
from tests.cms.factories import EventPageFactory, ImageFactory, PlacePageFactory

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
});
"""


class Watch:
    """Every CSP violation any frame reports, and every request off the CMS."""

    def __init__(self, page, origin: str) -> None:
        self.violations: list[str] = []
        self.elsewhere: list[str] = []
        page.context.add_init_script(REPORT_VIOLATIONS)
        page.on("console", self.console)
        page.on("request", lambda request: self.request(request.url, origin))

    def console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or text.startswith("CSP violation"):
            self.violations.append(text)

    def request(self, url: str, origin: str) -> None:
        parts = urlsplit(url)
        web = parts.scheme in ("http", "https", "ws", "wss")
        if web and f"{parts.scheme}://{parts.netloc}" != origin:
            self.elsewhere.append(url)


@pytest.fixture
def content(territory, tmp_path):
    photo = ImageFactory(title="Facciata", alt_text="La facciata barocca")
    place = PlacePageFactory(
        parent=territory.sections["places"], title="Duomo", hero_image=photo
    )
    place.save_revision().publish()
    event = EventPageFactory(parent=territory.sections["events"], title="Concerto")
    return {"place": place, "event": event, "image": photo}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_admin_works_under_its_policy_and_asks_no_third_party(
    page, live_server, territory, content, django_user_model, tmp_path
):
    watch = Watch(page, live_server.url)
    log_in(page, live_server, django_user_model)
    place, event, image = content["place"], content["event"], content["image"]
    pages = [
        "/admin/",
        f"/admin/pages/{territory.home.pk}/",
        f"/admin/pages/{place.pk}/edit/",  # inline panels, choosers, rich text
        f"/admin/pages/{event.pk}/edit/",  # date and time pickers
        f"/admin/pages/{territory.sections['places'].pk}/",
        "/admin/pages/search/?q=Duomo",
        "/admin/images/",
        f"/admin/images/{image.pk}/",  # focal point, renditions
        "/admin/images/multiple/add/",
        "/admin/documents/",
        f"/admin/settings/territories/territorysettings/{territory.site.pk}/",
        "/admin/users/",
        "/admin/account/",
        "/admin/publishing/",
        "/admin/reports/",
    ]
    for path in pages:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert page.locator("main").count(), path

    # A chooser's modal brings its own scripts; the preview panel its frame.
    page.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
    page.click("#id_hero_image-chooser .chooser__choose-button")
    page.locator("[data-chooser-modal-choice]").first.click()
    page.wait_for_selector("#id_hero_image-chooser:not(.blank)")
    page.click("button[data-side-panel-toggle=preview]")
    page.frame_locator("#w-preview-iframe").locator("main h1").wait_for()
    # The preview's own resources, loaded: its frame is sandboxed (an opaque
    # origin), and Chromium may run it in a process of its own whose network
    # Playwright's page-wide "networkidle" does not always see settle.
    preview = page.frame(url=lambda url: "/preview/?" in url)
    preview.wait_for_load_state("load")

    # An image goes up through the multiple-upload form (its preview is a blob:).
    photo = tmp_path / "facciata.jpg"
    Image.new("RGB", (800, 600), (200, 150, 90)).save(photo)
    page.on("dialog", lambda dialog: dialog.accept())  # leave the unsaved edit
    page.goto(f"{live_server.url}/admin/images/multiple/add/")
    page.set_input_files("#fileupload", str(photo))
    page.locator("#upload-list li.upload-success").wait_for()

    assert watch.violations == []
    assert watch.elsewhere == []  # no Gravatar, no update check
    assert page.locator("img[src*='gravatar']").count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_public_pages_work_under_theirs(page, live_server, territory):
    watch = Watch(page, live_server.url)
    page.goto(f"{live_server.url}/owners/signup/?territory=lecce")
    page.get_by_role("button", name="Invia la richiesta").click()
    page.get_by_role("alert").wait_for()  # the form answered, styled
    assert page.locator("button").evaluate(
        "b => getComputedStyle(b).backgroundColor"
    ) not in ("", "rgba(0, 0, 0, 0)")
    page.goto(f"{live_server.url}/")
    assert watch.violations == [] and watch.elsewhere == []


def preview_frame(page):
    page.click("button[data-side-panel-toggle=preview]")
    page.frame_locator("#w-preview-iframe").locator("main h1").wait_for()
    return page.locator("#w-preview-iframe").element_handle().content_frame()


# What a script that got into a preview would try. Playwright runs it in the
# preview's own page, as one in the theme or the content would run.
ATTACK = """async () => {
    const tried = {};
    const attempt = async (name, action) => {
        try { tried[name] = String(await action()); }
        catch (error) { tried[name] = `refused (${error.name})`; }
    };
    await attempt("admin page", () => window.parent.document.title);
    await attempt("admin form", () => window.parent.document.forms.length);
    await attempt("cookies", () => document.cookie);
    await attempt("storage", () => window.localStorage.length);
    await attempt("admin as the editor", async () => {
        const answer = await fetch("/admin/", {credentials: "include"});
        return (await answer.text()).includes("csrfmiddlewaretoken");
    });
    const script = document.createElement("script");
    script.textContent = "window.inlineRan = true";
    document.body.append(script);
    tried["inline script"] = String(window.inlineRan === true);
    return tried;
}"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_preview_cannot_script_the_admin(
    page, live_server, territory, django_user_model
):
    place = PlacePageFactory(
        parent=territory.sections["places"],
        title="Duomo",
        body=[{"type": "paragraph", "value": "<p>Orari: ogni giorno.</p>"}],
    )
    log_in(page, live_server, django_user_model)
    page.goto(f"{live_server.url}/admin/pages/{place.pk}/edit/")
    assert "csrftoken" in page.evaluate("document.cookie")  # the admin's own

    tried = preview_frame(page).evaluate(ATTACK)

    assert tried["admin page"].startswith("refused (SecurityError)")
    assert tried["admin form"].startswith("refused (SecurityError)")
    assert tried["cookies"].startswith("refused (SecurityError)")
    assert tried["storage"].startswith("refused (SecurityError)")
    assert tried["admin as the editor"].startswith("refused (TypeError)")
    assert tried["inline script"] == "false"
    # The preview still is the page, and the admin around it untouched.
    assert page.title() and page.locator("#id_title").input_value() == "Duomo"
