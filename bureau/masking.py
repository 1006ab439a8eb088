"""Personal information (个人信息保护法): numbers shown masked where a full one isn't needed."""


def mask_phone(value):
    """138****5678: the operator prefix and the last four digits stay, so a number can still be told
    apart; a short number keeps only its last two."""
    value = (value or "").strip()
    if not value:
        return value
    if len(value) >= 7:
        return value[:3] + "*" * max(len(value) - 7, 4) + value[-4:]
    return "*" * (len(value) - 2) + value[-2:]
