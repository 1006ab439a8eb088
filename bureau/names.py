"""How people are named on pages, PDFs and in history: by name, never by login. A leaf module, so that
the history (imported by the models) can use it too."""


def person_name(user):
    """A user's name as Chinese is written: surname then given name, no space (王会务); else the login."""
    name = f"{user.last_name}{user.first_name}".strip()
    return name or user.get_username()


# Two-character surnames a name may begin with (欧阳修 = 欧阳 + 修); any other name splits after one.
COMPOUND_SURNAMES = frozenset(
    ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "司徒", "令狐", "夏侯", "尉迟", "公孙", "长孙", "宇文")
)


def split_person_name(name):
    """A Chinese full name as (surname, given name), as users are stored (王会务 = 王 + 会务)."""
    name = "".join(str(name).split())
    if len(name) > 2 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]
