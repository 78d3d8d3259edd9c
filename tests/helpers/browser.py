"""The headless browser the e2e tests drive (Debian's chromium) and the axe-core accessibility check."""

from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def format_axe_violations(violations):
    lines = [f"{len(violations)} axe violation(s):"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        for node in violation.get("nodes", []):
            lines.append(f"    at {node.get('target')}")
    return "\n".join(lines)


def assert_no_axe_violations(page, tags=AXE_TAGS):
    """Run axe-core on the page (WCAG 2.0/2.1 A and AA rules) and fail with every violation listed."""
    # Jump finite animations and transitions to their end (the Wagtail admin fades its messages in): axe measuring
    # a message halfway through its fade-in reports a colour contrast that no reader ever sees.
    page.evaluate(
        """() => document.getAnimations()
            .filter((animation) => animation.effect.getTiming().iterations !== Infinity)
            .forEach((animation) => animation.finish())"""
    )
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        list(tags),
    )
    violations = result["violations"]
    assert not violations, f"{page.url}\n{format_axe_violations(violations)}"


@contextmanager
def browser_contexts(browser, base_url):
    """A factory for browser contexts (Swedish locale, `base_url`, 15 s timeouts); all are closed afterwards.

    The site's Content-Security-Policy is not enforced in them by default: tests inject axe-core and style overrides
    as inline code, which the policy rightly blocks. tests/e2e/test_content_security_policy.py enforces it
    (bypass_csp=False)."""
    contexts = []

    def make(**options):
        options.setdefault("bypass_csp", True)
        options.setdefault("locale", "sv-SE")
        options.setdefault("base_url", base_url)
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    try:
        yield make
    finally:
        for context in contexts:
            context.close()
