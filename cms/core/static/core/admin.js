// Wagtail's editor wrapper hides horizontal overflow but can still be scrolled
// sideways by focus or scrollIntoView (an opening dropdown, a popup placed
// before it is measured). Nobody can scroll it back by hand: on a phone the
// form would stay off the screen. Keep it where it belongs.
document.addEventListener(
  "scroll",
  (event) => {
    const box = event.target;
    if (box instanceof Element && box.matches(".content-wrapper") && box.scrollLeft) {
      box.scrollLeft = 0;
    }
  },
  true,
);
