"""The mail of the corpus that is about no job application (see build.py): newsletters, job
alerts, recruiter spam, shops, friends; several say words a job email says. All fictional."""

from __future__ import annotations

from corpus_jobs import day

UNSUB = ("List-Unsubscribe: <https://lists.example/unsub?u=8841>",
         "List-Id: <weekly.careerweekly.example>")  # fmt: skip


def add_other_emails(email, raw, part):
    email(
        "n01_newsletter_offer_tips.eml",
        "not_job",
        "",
        "",
        "CareerWeekly <newsletter@careerweekly.example>",
        "5 ways to negotiate your job offer",
        day("2026-10-02"),
        "This week: how to negotiate a job offer, what to say when a recruiter asks for "
        "your salary expectations, and a checklist for your next interview.\n\nYou are "
        "receiving this because you signed up at careerweekly.example. Unsubscribe here.\n",
        extra=UNSUB,
        cte="7bit",
    )
    email(
        "n02_job_alert.eml",
        "not_job",
        "",
        "",
        "LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>",
        "New jobs for Data Analyst in Leeds",
        day("2026-10-04"),
        "Data Analyst - Corvid Systems - Leeds\nApply now\n\nSenior Data Analyst - Fieldfare "
        "Bank - Leeds\nEasy Apply\n\nSee all jobs. Unsubscribe from these alerts.\n",
        html="<table><tr><td><b>Data Analyst</b><br>Corvid Systems &middot; Leeds</td></tr>"
        "<tr><td><b>Senior Data Analyst</b><br>Fieldfare Bank &middot; Leeds</td></tr></table>"
        "<p><a href='https://linkedin.example/unsub'>Unsubscribe</a></p>",
        extra=("List-Unsubscribe: <https://linkedin.example/unsub>",),
    )
    email(
        "n03_recruiter_spam.eml",
        "not_job",
        "",
        "",
        "Gary Stone <gary@hotroles.example>",
        "Exciting opportunity!!",
        day("2026-10-06"),
        "Hi Sam,\n\nI came across your profile and have an exciting opportunity for a Senior "
        "Data Engineer at a fast-growing fintech (up to £95k + equity). Are you open to a "
        "quick chat this week?\n\nGary\n",
        cte="8bit",
    )
    email(
        "n04_order_delayed.eml",
        "not_job",
        "",
        "",
        "Bramble & Co <orders@brambleandco.example>",
        "Your order #48213",
        day("2026-10-07"),
        "Hello Sam,\n\nWe regret to inform you that your order #48213 has been delayed by our "
        "courier. It should now arrive on Friday.\n\nBramble & Co customer care\n",
        cte="7bit",
    )
    email(
        "n05_friend_dinner.eml",
        "not_job",
        "",
        "",
        "Maya <maya.l@mailbox.example>",
        "Dinner on Saturday?",
        day("2026-10-08"),
        "Hey! Are you free on Saturday? Thinking of trying the new Lebanese place. Also, how "
        "did the interview go??\n\nM\n",
        cte="7bit",
    )
    email(
        "n06_bank_statement_html.eml",
        "not_job",
        "",
        "",
        "Moorland Bank <statements@moorlandbank.example>",
        "Your November statement is ready",
        day("2026-11-01"),
        "",
        html="<html><body><p>Dear customer,</p><p>Your November statement is ready to view "
        "in online banking.</p><p style='font-size:9px'>Moorland Bank plc. Manage your email "
        "preferences.</p></body></html>",
        only_html=True,
    )
    email(
        "n07_webinar_invite.eml",
        "not_job",
        "",
        "",
        "TechCareers Live <events@techcareers.example>",
        "Invitation: Acing the technical interview (webinar)",
        day("2026-10-10"),
        "Hi Sam,\n\nWe'd like to invite you to our free webinar on the technical interview: "
        "you'll learn how to prepare for your interview and how to answer system design "
        "questions.\n\nRegister now. Unsubscribe.\n",
        extra=UNSUB,
        cte="7bit",
    )
    email(
        "n08_meetup.eml",
        "not_job",
        "",
        "",
        "Northern Data Meetup <hello@northerndata.example>",
        "November talks",
        day("2026-10-12"),
        "Hi all,\n\nOur November meetup has two talks: dbt at scale, and hiring your first "
        "data team. Pizza from 6pm.\n\nSee you there! (Unsubscribe)\n",
        extra=UNSUB,
        cte="7bit",
    )
    email(
        "n09_forum_digest.eml",
        "not_job",
        "",
        "",
        "JobSeekers Forum <digest@jobseekersforum.example>",
        "Digest: how do you cope with 'we have decided not to move forward'?",
        day("2026-10-14"),
        "Top thread: How do you cope with 'we have decided not to move forward' emails after "
        "a final interview? 84 replies.\n\nAlso: is it OK to ask for feedback on my "
        "application?\n\nUnsubscribe from this digest.\n",
        extra=UNSUB,
        cte="7bit",
    )
    email(
        "n10_password_reset.eml",
        "not_job",
        "",
        "",
        "Workday <noreply@myworkday.com>",
        "Reset your candidate account password",
        day("2026-10-15"),
        "Someone asked to reset the password of your candidate account. If this was you, "
        "use the link below within 24 hours.\n",
        cte="7bit",
    )
    email(
        "n11_shop_fr_latin1.eml",
        "not_job",
        "",
        "",
        "Maison Verveine <service@maisonverveine.example>",
        "Votre commande 55120",
        day("2026-10-16"),
        "Bonjour,\n\nNous avons le regret de vous informer que votre commande est en retard. "
        "Elle sera livrée mardi.\n\nMaison Verveine\n",
        charset="iso-8859-1",
    )
    email(
        "n12_calendar_accept.eml",
        "not_job",
        "",
        "",
        "Alex Morrow <alex.morrow@mailbox.example>",
        "Accepted: Coffee with Alex",
        day("2026-10-17"),
        "Alex Morrow has accepted this invitation.\n",
        cte="7bit",
    )
    email(
        "n13_linkedin_message.eml",
        "not_job",
        "",
        "",
        "Alex Morrow via LinkedIn <messages-noreply@linkedin.com>",
        "Alex sent you a message",
        day("2026-10-18"),
        "Alex Morrow: Hi Sam, are you going to the meetup next week?\n\nReply on LinkedIn.\n",
        cte="7bit",
    )
    email(
        "n14_de_newsletter.eml",
        "not_job",
        "",
        "",
        "Karriere Magazin <news@karrieremagazin.example>",
        "So meistern Sie das Vorstellungsgespräch",
        day("2026-10-19"),
        "Liebe Leserinnen und Leser,\n\ndiese Woche: zehn Tipps für Ihr nächstes "
        "Vorstellungsgespräch und wie Sie auf eine Absage reagieren.\n\nNewsletter "
        "abbestellen: abmelden\n",
        extra=UNSUB,
    )
    email(
        "n15_charity_appeal.eml",
        "not_job",
        "",
        "",
        "Ospreyfield Trust <appeal@ospreyfield.example>",
        "Will you help this winter?",
        day("2026-11-02"),
        "Dear Sam,\n\nThis winter, £20 keeps a family warm for a week. Will you help?\n\n"
        "Ospreyfield Trust\n",
        cte="8bit",
    )
