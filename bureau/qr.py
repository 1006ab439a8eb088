"""QR codes for printed documents (seat cards and notices today; asset labels and room repair codes
next), drawn by segno as PNG data URIs that WeasyPrint embeds without a file or a request."""

import segno


def qr_data_uri(text, *, scale=4):
    """A PNG data URI of the QR code for `text` (error correction M), for <img src> in the PDF."""
    return segno.make(text, error="m").png_data_uri(scale=scale, border=2)
