"""Keyboard-only walks through a page in the browser: Tab (or Shift+Tab) until an element is reached, checking at
every step that the focused element is on screen, shows a focus indicator and comes after (or before, going back)
the previous one in the document (WCAG 2.1.1, 2.4.3, 2.4.7)."""

FOCUS_STATE = """(backwards) => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const previous = window.__keyboardPrevious;
    window.__keyboardPrevious = element;
    let inOrder = true;
    if (previous && previous !== element && previous.isConnected) {
        const position = previous.compareDocumentPosition(element);
        inOrder = Boolean(position & (backwards ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING));
    }
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        name: element.getAttribute("name") || "",
        text: (element.innerText || element.value || element.getAttribute("aria-label") || "").trim().slice(0, 100),
        inViewport: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < window.innerHeight && box.left < window.innerWidth,
        indicator: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
        inOrder,
    };
}"""


# The site scrolls smoothly (unless reduced motion is asked for): wait until the page has stopped moving.
SCROLL_SETTLED = """async () => {
    let last = null;
    let still = 0;
    for (let frame = 0; frame < 120 && still < 3; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        still = window.scrollY === last ? still + 1 : 0;
        last = window.scrollY;
    }
}"""


def focus_state(page, backwards=False):
    page.evaluate(SCROLL_SETTLED)
    return page.evaluate(FOCUS_STATE, backwards)


def assert_focus_is_visible(state, where):
    assert state["tag"] != "body", f"{where}: focus fell back to <body>"
    assert state["inViewport"], f"{where}: the focused element is off screen: {state}"
    assert state["indicator"], f"{where}: the focused element shows no focus indicator: {state}"


def tab_to(page, matches, *, backwards=False, limit=80):
    """Press Tab (Shift+Tab when backwards) until matches(state) is true; every step is checked. Returns the state."""
    key = "Shift+Tab" if backwards else "Tab"
    for step in range(1, limit + 1):
        page.keyboard.press(key)
        state = focus_state(page, backwards)
        where = f"{page.url}, {key} #{step}"
        assert_focus_is_visible(state, where)
        assert state["inOrder"], f"{where}: focus jumped against the reading order to {state}"
        if matches(state):
            return state
    raise AssertionError(f"{page.url}: {key} pressed {limit} times without reaching the element")


def by_text(text):
    return lambda state: state["text"] == text


def by_name(name):
    return lambda state: state["name"] == name


def active_element_is_error_summary(page):
    return page.evaluate("() => document.activeElement.matches('[data-error-summary]')")


def assert_confirmation_focused_in_main(page):
    """After a successful submit the status message is inside <main>, a live status, and has focus."""
    state = page.evaluate(
        """() => {
            const element = document.activeElement;
            return {
                status: element.getAttribute("role"),
                inMain: Boolean(element.closest("main")),
                text: element.innerText.trim(),
            };
        }"""
    )
    assert state["status"] == "status" and state["inMain"], f"{page.url}: focus is not on the confirmation: {state}"
    assert_focus_is_visible(focus_state(page), page.url)
    return state["text"]
