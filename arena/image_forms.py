"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): an upload that is not a whole image is a form error.

Wagtail reads an image's size with Pillow while it validates the upload. A truncated PNG, a header that claims
60000×60000 pixels (Pillow's DecompressionBombError) or a file Pillow cannot parse raised out of that check as a
500, and a truncated file that got through failed later, when a page asked for a rendition of it.
"""

import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

UNREADABLE = _(
    "The file could not be read as an image: it may be damaged or only partly saved. Open it in an image program, "
    "save it again and upload the new file."
)
TOO_MANY_PIXELS = _(
    "The image has too many pixels to be handled safely (at most %(max)s million). Make it smaller, for example "
    "at most 6000 pixels wide, and upload it again."
)


class CheckedImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            with warnings.catch_warnings():
                # Pillow warns at 89 million pixels and refuses at twice that; both mean "too large" here.
                warnings.simplefilter("error", PillowImage.DecompressionBombWarning)
                super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except (PillowImage.DecompressionBombError, PillowImage.DecompressionBombWarning):
            raise ValidationError(self.too_many_pixels_message(), code="file_too_many_pixels") from None
        except Exception:  # noqa: BLE001 - whatever Pillow raises for a file it cannot parse
            raise ValidationError(UNREADABLE, code="invalid_image") from None
        self.check_image_is_whole(f)

    def too_many_pixels_message(self):
        return TOO_MANY_PIXELS % {"max": (self.max_image_pixels or 0) // 1_000_000}

    def check_image_is_whole(self, f):
        """Decode the file far enough to find a truncated or corrupt one now rather than at its first rendition:
        PNG's chunk checksums, a JPEG decoded at an eighth of its size, the first frame of anything else."""
        f.seek(0)
        try:
            with PillowImage.open(f) as image:
                if image.format == "PNG":
                    image.verify()
                else:
                    if image.format == "JPEG":
                        image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
                    image.load()
        except Exception:  # noqa: BLE001 - whatever Pillow raises for a file it cannot decode
            raise ValidationError(UNREADABLE, code="invalid_image") from None
        finally:
            f.seek(0)


class ArenaImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:  # the multiple uploader's edit form has none
            generated = self.fields["file"]
            checked = CheckedImageField(label=generated.label, required=generated.required)
            checked.widget.attrs.update(generated.widget.attrs)
            self.fields["file"] = checked
