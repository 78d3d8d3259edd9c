"""Permission policies the apps share in the Wagtail admin."""

from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyModelPolicy(ModelPermissionPolicy):
    """For data the admin only shows (written by code: loaded models, recorded changes): viewing follows the model's
    view permission; nobody adds, changes or deletes, superusers included."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)
