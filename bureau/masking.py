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


def mask_id_number(value):
    """430***********1234: the region's first three digits and the last four (居民身份证号码)."""
    value = (value or "").strip()
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_personal(name, value):
    """A personal field's value as lists and other departments see it: ID numbers and phones masked."""
    if not value:
        return "—"
    return mask_id_number(value) if "id_number" in name else mask_phone(value)
