"""`{% fragment "name" %}…{% endfragment %}`: a cached piece of a page (arena.fragments).

    {% load fragment_cache %}
    {% fragment "post-list" %}…{% endfragment %}               per audience, at the page's content version
    {% fragment "speakers" for_everyone %}…{% endfragment %}   the same for everyone who may see the page
    {% fragment "round" vary=round.version %}…{% endfragment %}  also keyed by the values given

The enclosed template is rendered only on a miss, so the lazy querysets it reads cost nothing on a hit.
"""

from django import template
from django.utils.safestring import mark_safe

from arena import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, per_audience, vary):
        self.nodelist = nodelist
        self.name = name
        self.per_audience = per_audience
        self.vary = vary

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        vary = [value.resolve(context) for value in self.vary]
        html = fragments.cached(
            request,
            name,
            lambda: str(self.nodelist.render(context)),
            per_audience=self.per_audience,
            vary=vary,
        )
        return mark_safe(html)  # the cached text is the autoescaped render of the enclosed template


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('{% fragment %} needs a name: {% fragment "name" %}')
    name = parser.compile_filter(bits[1])
    per_audience = True
    vary = []
    for bit in bits[2:]:
        if bit == "for_everyone":
            per_audience = False
        elif bit.startswith("vary="):
            vary.append(parser.compile_filter(bit[len("vary=") :]))
        else:
            raise template.TemplateSyntaxError(f"{{% fragment %}} does not know {bit!r}")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, name, per_audience, vary)
