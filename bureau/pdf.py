"""Render Django templates to PDF with WeasyPrint. Every printable document goes through here.

Templates extend `pdf/base.html`, which sets the page size and the CJK font stack; the font
(Noto Sans/Serif CJK from Debian's fonts-noto-cjk) is embedded as a subset, so the PDF shows
Chinese on any machine.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.encoding import escape_uri_path


def render_pdf(template_name, context=None, *, request=None, base_url=None):
    """The PDF bytes of `template_name` rendered with `context`."""
    from weasyprint import HTML  # imported lazily: it loads Pango, which takes a moment

    html = render_to_string(template_name, context or {}, request=request)
    if base_url is None and request is not None:
        base_url = request.build_absolute_uri("/")
    return HTML(string=html, base_url=base_url).write_pdf()


def pdf_file_response(pdf, filename, *, inline=True):
    """An HTTP response for PDF bytes already rendered, under a (Chinese) file name."""
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{escape_uri_path(filename)}"
    return response
