"""Word lists of the anonymiser: mail providers anyone may use, and words of organisations'
names that name no one organisation."""

from __future__ import annotations

__all__ = ["CAPITALISED", "GENERIC", "PUBLIC_DOMAINS"]

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

# Words that notes about job interviews write with a capital and that name no one: tools,
# methods, languages and titles (folded). The candidate finder leaves them alone.
CAPITALISED = frozenset(
    """i ok okay sql python excel powerpoint word outlook tableau looker power bi zoom teams
    slack jira confluence github git linkedin indeed glassdoor google meet hangouts webex
    javascript typescript java scala kotlin swift rust go html css react aws azure gcp
    spark hadoop kafka airflow dbt snowflake databricks pandas numpy jupyter matlab spss sas
    stata figma miro notion trello asana salesforce hubspot sap oracle mysql postgres
    postgresql mongodb docker kubernetes linux windows mac macos ios android api apis kpi
    kpis okr okrs ceo cto cfo coo vp hr cv cvs star faq ai ml nlp llm etl bi qa ux ui pm
    agile scrum kanban lean english german french spanish italian dutch polish portuguese
    chinese japanese korean hindi arabic russian turkish european american british
    phd msc bsc mba ba ma gdpr covid uk usa us eu""".split()  # noqa: SIM905
)
