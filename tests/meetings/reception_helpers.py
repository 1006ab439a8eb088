"""Reading the reception PDFs' fonts back (pdffonts output)."""


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
