"""Helpers for the reception tests: formset POST data and reading PDFs back."""

import subprocess


def formset_data(prefix, rows, *, initial=0):
    """POST data for an inline formset: `rows` are dicts of field → value."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = "" if value is None else str(value)
    return data


def pdf_text(pdf_bytes, tmp_path, name="doc.pdf"):
    path = tmp_path / name
    path.write_bytes(pdf_bytes)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_fonts(pdf_bytes, tmp_path, name="doc.pdf"):
    path = tmp_path / name
    path.write_bytes(pdf_bytes)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


def has_embedded_cjk_font(fonts_output):
    """True when pdffonts lists a CJK font (Noto … CJK / WenQuanYi) embedded ("emb" column = yes)."""
    for line in fonts_output.splitlines()[2:]:
        if ("CJK" in line or "WenQuanYi" in line) and " yes " in f" {line} ":
            columns = line.split()
            # name type [encoding…] emb sub uni object ID: the three yes/no flags come before the ID.
            flags = [c for c in columns if c in ("yes", "no")]
            if flags and flags[0] == "yes":
                return True
    return False
