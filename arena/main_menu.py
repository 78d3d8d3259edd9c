"""Items the apps add to the public site's main menu (the arena.hooks.MAIN_MENU_ITEMS hook), after the items the
editors choose in the site settings. An app decides for itself which users see its item."""

from dataclasses import dataclass

from wagtail import hooks

from arena.hooks import MAIN_MENU_ITEMS


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str

    def is_current(self, path):
        return path == self.url or path.startswith(self.url.rstrip("/") + "/")


def items_for(request):
    items = (item_for(request) for item_for in hooks.get_hooks(MAIN_MENU_ITEMS))
    return [item for item in items if item is not None]
