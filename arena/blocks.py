"""The one StreamField block set shared by every page body in the arena (blogs and conferences too).

Every block names itself in its Meta through gettext, so the admin's block chooser is Swedish wherever a block is
used, also where an app adds it without a label. A label in Meta is not part of a block's deconstruction, so
changing one needs no migration."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
        help_text=_("Use level 2 for sections and level 3 inside them, so screen readers can follow."),
    )

    class Meta:
        label = _("Heading")
        icon = "title"
        template = "blocks/heading_block.html"


class TranslatedImageBlock(ImageBlock):
    """Wagtail's ImageBlock with its image chooser labelled through gettext: Wagtail names that chooser after its
    field, so the form said "Image" in English. (ImageBlock always deconstructs as itself: no migration.)"""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        self.child_blocks["image"].label = _("Image")


class CaptionedImageBlock(blocks.StructBlock):
    # ImageBlock carries the alt text (or an explicit "decorative" choice) with the image.
    image = TranslatedImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Photographer or source"), required=False, max_length=120)

    class Meta:
        label = _("Image")
        icon = "image"
        template = "blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        label = _("Quote")
        icon = "openquote"
        template = "blocks/quote_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("Video link"), help_text=_("A link to a video with captions, e.g. on the city's video service.")
    )
    title = blocks.CharBlock(label=_("What the video shows"), max_length=200)

    class Meta:
        label = _("Video")
        icon = "media"
        template = "blocks/video_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    class Meta:
        label = _("Document link")
        icon = "doc-full"
        template = "blocks/document_link_block.html"


class AccessibleTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Table caption"), max_length=200, help_text=_("Says what the table shows."))
    table = TableBlock(label=_("Table"), table_options={"startRows": 3, "startCols": 3})

    class Meta:
        label = _("Table")
        icon = "table"
        template = "blocks/table_block.html"


class LinkBlock(blocks.StructBlock):
    """A link to a page in the arena or to an external address."""

    label = blocks.CharBlock(label=_("Link text"), max_length=80, required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise ValidationError(_("Choose either a page or an external address."))
        if value.get("url") and not value.get("label"):
            raise ValidationError(_("An external link needs a link text."))
        return value

    class Meta:
        label = _("Link")
        icon = "link"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    video = VideoBlock(label=_("Video"))
    document = DocumentLinkBlock(label=_("Document link"))
    table = AccessibleTableBlock(label=_("Table"))


class NavigationBlock(blocks.StreamBlock):
    link = LinkBlock(label=_("Link"))
