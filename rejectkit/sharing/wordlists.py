"""Word lists of the anonymiser: mail providers anyone may use, and words of organisations'
names that name no one organisation."""

from __future__ import annotations

__all__ = ["GENERIC", "PUBLIC_DOMAINS"]

# Mail providers anyone may use: their domain says nothing about who you are.
PUBLIC_DOMAINS = frozenset(
    (
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "live.com",
        "msn.com",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "pm.me",
        "gmx.de",
        "gmx.net",
        "gmx.com",
        "web.de",
        "t-online.de",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "mail.com",
        "zoho.com",
        "fastmail.com",
        "example.com",
        "example.net",
        "example.org",
    )
)

# Words of organisations' names that name no one organisation.
GENERIC = frozenset(
    """limited gmbh corp corporation company companies group holding holdings partners
    partner international global solutions services systems technologies technology
    consulting industries enterprises associates foundation trust bank capital labs studio
    studios digital media software agency institute university college school council
    ministry office network ventures management""".split()  # noqa: SIM905
)
