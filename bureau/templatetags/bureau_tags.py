from decimal import Decimal

from django import template
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.utils.formats import localize
from django.utils.translation import gettext as _

from bureau.models import person_name

register = template.Library()


@register.filter
def field_rows(obj, names):
    """[(verbose name, display value)] for the detail tab."""
    rows = []
    for name in names:
        field = obj._meta.get_field(name)
        value = getattr(obj, name)
        if field.choices:
            value = getattr(obj, f"get_{name}_display")()
        elif isinstance(field, models.BooleanField):
            value = _("Yes") if value else _("No")
        elif isinstance(value, AbstractBaseUser):
            value = person_name(value)
        elif value is None or value == "":
            value = "—"
        elif isinstance(value, Decimal):
            value = localize(value)
        rows.append((field.verbose_name, value))
    return rows


@register.filter
def yuan(value):
    """12345.6 → "12,345.60 元"."""
    if value is None:
        return "—"
    return f"{Decimal(value):,.2f} 元"


@register.filter
def wan_yuan(value):
    """12345.6 → "1.23 万元"."""
    if value is None:
        return "—"
    return f"{Decimal(value) / 10000:,.2f} 万元"


@register.filter
def person(user):
    """A user's name the Chinese way (王会务), else the login; "—" for nobody."""
    return person_name(user) if user else "—"


@register.filter
def labelled(field, header=""):
    """A form field rendered with an accessible name of its own: in a formset table the column header
    (`header`, else the field's label) stands where a <label> would, so the field carries it as
    `aria-label` — `{{ form.amount|labelled:amount_header }}`."""
    return field.as_widget(attrs={"aria-label": str(header or field.label)})


@register.simple_tag
def figure(value, unit, signed=False):
    """A dashboard figure (bureau.figures) shown by its unit: 元 with two decimals, per cent, hours, m²;
    "—" where there is none (a share of nothing); `signed` puts "+" before a rise."""
    from django.utils.translation import gettext

    if value is None:
        return "—"
    sign = "+" if signed and value > 0 else ""
    if unit == "yuan":
        return f"{sign}{Decimal(value):,.2f} 元"
    if unit == "percent":
        return f"{sign}{value}%"
    if unit == "hours":
        return gettext("%(hours)s h") % {"hours": f"{sign}{value}"}
    if unit == "area":
        return f"{sign}{Decimal(value):,.2f} m²"
    return f"{sign}{value}"
