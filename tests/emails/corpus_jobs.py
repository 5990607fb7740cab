"""The job emails of the corpus (see build.py): rejections, invitations, offers, requests for
information and acknowledgements, in the ways mail programs save them. All fictional."""

from __future__ import annotations

from datetime import date


def day(iso: str, time: str = "09:14:00", zone: str = "+0000") -> str:
    d = date.fromisoformat(iso)
    return f"{d:%a}, {d.day} {d:%b %Y} {time} {zone}"


def add_job_emails(email, raw, part):
    # Rejections ---------------------------------------------------------------------------
    email(
        "r01_corvid_plain.eml",
        "rejection",
        "A0001",
        "outcome=rejected;outcome_on=2026-10-20;contact_name=Ana Ruiz;"
        "contact_email=ana.ruiz@corvidsystems.example",
        "Ana Ruiz <ana.ruiz@corvidsystems.example>",
        "Your application for BI Developer",
        day("2026-10-20"),
        "Dear Sam,\n\nThank you for taking the time to apply for the BI Developer role at "
        "Corvid Systems. After careful consideration, we have decided not to move forward "
        "with your application at this time.\n\nWe wish you every success in your search.\n\n"
        "Kind regards,\nAna Ruiz\nTalent Acquisition, Corvid Systems\n",
        cte="7bit",
    )
    email(
        "r02_harbour_terse.eml",
        "rejection",
        "A0002",
        "outcome=rejected;outcome_on=2026-10-09",
        "Harbour & Finch Recruitment <no-reply@harbourfinch.example>",
        "Junior Data Analyst - update",
        day("2026-10-09", "16:40:02", "+0100"),
        "Hi Sam,\nUnfortunately you have not been successful on this occasion for the Junior "
        "Data Analyst position.\nHarbour & Finch\n",
        cte="7bit",
    )
    email(
        "r03_lumen_after_interview.eml",
        "rejection",
        "A0003",
        "outcome=rejected;outcome_on=2026-10-22",
        "Grace Okafor <grace.okafor@lumenhealth.example>",
        "Analytics Engineer - following your interview",
        day("2026-10-22"),
        "Dear Sam,\n\nThank you for meeting with the team last week. Following your "
        "interview, we have decided to move forward with other candidates whose experience "
        "more closely matches the role.\n\nThe panel liked your clear explanation of the data "
        "pipeline project. They felt you would need more experience with dbt in production."
        "\n\nBest wishes,\nGrace\n",
        html="<html><body><p>Dear Sam,</p><p>Thank you for meeting with the team last week. "
        "Following your interview, we have decided to move forward with other candidates "
        "whose experience more closely matches the role.</p><p>The panel liked your clear "
        "explanation of the data pipeline project. They felt you would need more experience "
        "with dbt in production.</p><p>Best wishes,<br>Grace</p></body></html>",
        feedback=1,
    )
    email(
        "r04_quillon_final_cp1252.eml",
        "rejection",
        "A0005",
        "outcome=rejected;outcome_on=2026-10-28;contact_name=Nadia Brightwell;"
        "contact_email=n.brightwell@quillonbank.example",
        "Nadia Brightwell <n.brightwell@quillonbank.example>",
        "Risk Analyst – final round outcome",
        day("2026-10-28", "11:02:00", "+0000"),
        "Dear Sam,\n\nThank you for coming in for the final round. I’m sorry to let you know "
        "that we’ve offered the position to another candidate. It was a very close call.\n\n"
        "Best regards,\nNadia Brightwell\nQuillon Bank – Talent\n",
        charset="windows-1252",
    )
    email(
        "r05_perch_greenhouse.eml",
        "rejection",
        "A0006",
        "outcome=rejected;outcome_on=2026-10-16",
        "Perch Media <no-reply@us.greenhouse-mail.io>",
        "Thank you for your interest in Perch Media",
        day("2026-10-16", "20:11:45", "-0400"),
        "Hi Sam,\n\nThank you for your interest in the Insight Analyst position at Perch "
        "Media. We received a large number of applications, and after reviewing yours we will "
        "not be moving forward at this time.\n\nBest,\nThe Perch Media Hiring Team\n",
        cte="7bit",
    )
    email(
        "r06_orbit_final_base64.eml",
        "rejection",
        "A0007",
        "outcome=rejected;outcome_on=2026-11-02;contact_name=Tomás Ferreira;"
        "contact_email=tomas.ferreira@orbitrail.example",
        "Tomás Ferreira <tomas.ferreira@orbitrail.example>",
        "Data Scientist role",
        day("2026-11-02"),
        "Hello Sam,\n\nMany thanks for your time at the final interview on Thursday. It was a "
        "close decision, but we have decided to offer the role to another candidate.\n\nYou "
        "were strong on the modelling exercise. The team felt your stakeholder examples could "
        "have been more concrete.\n\nWarm regards,\nTomás\n",
        cte="base64",
        feedback=1,
    )
    email(
        "r07_wren_html_only.eml",
        "rejection",
        "A0008",
        "outcome=rejected;outcome_on=2026-10-05",
        "Wren Studio <jobs@wrenstudio.example>",
        "Your application to Wren Studio",
        day("2026-10-05"),
        "",
        html="<html><head><style>p{font-family:Arial}</style></head><body><div><p>Hi Sam,</p>"
        "<p>Thanks so much for applying to be our <b>Data Analyst</b>. We loved hearing from "
        "you, but unfortunately we won&rsquo;t be progressing your application.</p><p>Wren "
        "Studio</p></div></body></html>",
        only_html=True,
    )
    email(
        "r08_kestrel_latin1.eml",
        "rejection",
        "A0009",
        "outcome=rejected;outcome_on=2026-10-26",
        "Kestrel AI Talent <talent@kestrel-ai.example>",
        "ML Engineer",
        day("2026-10-26", "08:00:00", "+0100"),
        "Dear Sam,\n\nThank you for the interview last week. We regret to inform you that we "
        "will not be proceeding with your application for the ML Engineer position.\n\nKind "
        "regards,\nRenée Dubois\nKestrel AI\n",
        charset="iso-8859-1",
        cte="8bit",
    )
    email(
        "r09_marlowe_pricing_workday.eml",
        "rejection",
        "A0010",
        "outcome=rejected;outcome_on=2026-10-12",
        "Marlowe Insurance <marlowe@myworkday.com>",
        "Update on your application: Pricing Analyst (R-10482)",
        day("2026-10-12"),
        "Dear Sam Carter,\n\nThank you for your interest in the Pricing Analyst position at "
        "Marlowe Insurance. Unfortunately, we have decided to pursue other candidates for "
        "this role.\n\nThis is an automated message; please do not reply.\n",
        cte="7bit",
    )
    email(
        "r10_marlowe_ambiguous.eml",
        "rejection",
        "ask",
        "",
        "Marlowe Insurance Careers <careers@marloweinsurance.example>",
        "Your application",
        day("2026-10-15"),
        "Dear Sam,\n\nThank you for applying to Marlowe Insurance. After reviewing your "
        "application we regret to inform you that you have not been shortlisted.\n\nMarlowe "
        "Insurance Recruitment\n",
        cte="7bit",
    )
    email(
        "r11_sandpiper_qp_long.eml",
        "rejection",
        "A0012",
        "outcome=rejected;outcome_on=2026-10-19;contact_name=Olivia Grant;"
        "contact_email=olivia.grant@sandpiperlogistics.example",
        "Olivia Grant <olivia.grant@sandpiperlogistics.example>",
        "Operations Analyst application",
        day("2026-10-19"),
        "Dear Sam, thank you very much for your application for the Operations Analyst "
        "vacancy at Sandpiper Logistics and for your patience while we reviewed the many "
        "applications we received — we were genuinely impressed by the standard. On this "
        "occasion your application was not successful, as we have shortlisted candidates with "
        "more warehouse systems experience.\n\nOlivia Grant\n",
    )
    email(
        "r12_heronsgate_after_screen.eml",
        "rejection",
        "A0013",
        "outcome=rejected;outcome_on=2026-10-08",
        "Recruitment Team <recruitment@heronsgate.gov.example>",
        "Data Officer (ref HC-2291)",
        day("2026-10-08"),
        "Dear Mr Carter\n\nThank you for your recent phone screen with us regarding the post "
        "of Data Officer. I am writing to let you know that you have not been selected to "
        "progress to interview.\n\nYours sincerely\nHR Services\nHeronsgate Council\n",
        cte="7bit",
    )
    email(
        "r13_blauwal_de.eml",
        "rejection",
        "A0014",
        "outcome=rejected;outcome_on=2026-10-21;contact_name=Julia Becker;"
        "contact_email=julia.becker@blauwal-software.example",
        "Julia Becker <julia.becker@blauwal-software.example>",
        "Ihre Bewerbung als Data Engineer",
        day("2026-10-21", "10:30:00", "+0200"),
        "Sehr geehrter Herr Carter,\n\nvielen Dank für Ihre Bewerbung und Ihr Interesse an der "
        "Blauwal Software GmbH. Leider müssen wir Ihnen mitteilen, dass wir uns für einen "
        "anderen Kandidaten entschieden haben.\n\nWir wünschen Ihnen für Ihre berufliche "
        "Zukunft alles Gute.\n\nMit freundlichen Grüßen\nJulia Becker\n",
    )
    email(
        "r14_atelier_fr_latin1.eml",
        "rejection",
        "A0015",
        "outcome=rejected;outcome_on=2026-10-23;contact_name=Camille Rousseau;"
        "contact_email=c.rousseau@atelier-lumiere.example",
        "Camille Rousseau <c.rousseau@atelier-lumiere.example>",
        "Votre candidature – Analyste de données",
        day("2026-10-23", "14:00:00", "+0200"),
        "Bonjour Monsieur Carter,\n\nNous vous remercions de l'intérêt que vous portez à "
        "Atelier Lumière. Après étude attentive de votre dossier, nous avons le regret de vous "
        "informer que votre candidature n'a pas été retenue.\n\nCordialement,\nCamille "
        "Rousseau\n",
        charset="iso-8859-1",
    )
    email(
        "r15_nordlicht_de_base64.eml",
        "rejection",
        "A0016",
        "outcome=rejected;outcome_on=2026-10-30",
        "Nordlicht Energie AG <karriere@nordlicht-energie.example>",
        "Absage: BI Analyst",
        day("2026-10-30", "15:45:00", "+0100"),
        "Sehr geehrter Herr Carter,\n\nvielen Dank für das angenehme Gespräch. Nach Ihrem "
        "Vorstellungsgespräch haben wir uns für eine andere Kandidatin entschieden.\n\nMit "
        "freundlichen Grüßen\nIhr Nordlicht Recruiting-Team\n",
        charset="iso-8859-1",
        cte="base64",
    )
    email(
        "r16_pinecone_agency.eml",
        "rejection",
        "A0017",
        "outcome=rejected;outcome_on=2026-10-27",
        "Priya Shah <priya.shah@talentbridge.example>",
        "Pinecone Robotics - feedback",
        day("2026-10-27"),
        "Hi Sam,\n\nI've just heard back from Pinecone Robotics. They've decided to go with "
        "another candidate who had more robotics domain knowledge. The interviewers thought "
        "you were very personable and well prepared.\n\nSorry it's not better news - I'll be "
        "in touch about other roles.\n\nPriya\nTalentbridge Recruitment\n",
        cte="7bit",
        feedback=1,
    )
    email(
        "r17_cobalt_reply_quoting_invite.eml",
        "rejection",
        "A0018",
        "outcome=rejected;outcome_on=2026-10-29;contact_name=Ben Adeyemi;"
        "contact_email=ben.adeyemi@cobaltfintech.example",
        "Ben Adeyemi <ben.adeyemi@cobaltfintech.example>",
        "Re: Interview for Analytics Engineer",
        day("2026-10-29"),
        "Hi Sam,\n\nThanks again for your time on Monday. Unfortunately we won't be moving "
        "forward - we felt other candidates had more experience with streaming data.\n\nAll "
        "the best,\nBen\n\nOn Tue, 13 Oct 2026 at 09:12, Ben Adeyemi "
        "<ben.adeyemi@cobaltfintech.example> wrote:\n> Hi Sam,\n> We'd like to invite you to "
        "an interview for the Analytics Engineer role.\n> Could you let us know your "
        "availability next week?\n",
        extra=("In-Reply-To: <i08_cobalt_invite_reply_thread@mail.example>",),
        cte="7bit",
    )
    email(
        "r18_gannet_forwarded_gmail.eml",
        "rejection",
        "A0019",
        "outcome=rejected;outcome_on=2026-10-29",
        "Sam Carter <sam.carter@mailbox.example>",
        "Fwd: Your application to Gannet Outdoor",
        day("2026-11-01"),
        "FYI\n\n---------- Forwarded message ---------\nFrom: Gannet Outdoor Careers "
        "<careers@gannetoutdoor.example>\nDate: Thu, Oct 29, 2026 at 4:02 PM\nSubject: Your "
        "application to Gannet Outdoor\nTo: <sam.carter@oldmail.example>\n\n\nDear Sam,\n\n"
        "Thank you for applying for the Data Analyst role. We have reviewed your application "
        "and unfortunately we will not be taking your application further.\n\nBest wishes,\n"
        "Gannet Outdoor People Team\n",
        cte="7bit",
    )
    email(
        "r19_mistral_forward_outlook.eml",
        "rejection",
        "A0020",
        "outcome=rejected;outcome_on=2026-11-02;contact_name=Hannah Lowe;"
        "contact_email=hannah.lowe@mistralpayments.example",
        "Sam Carter <sam.carter@mailbox.example>",
        "FW: Junior Analyst - Mistral Payments",
        day("2026-11-03"),
        "\n\n________________________________\nFrom: Hannah Lowe "
        "<hannah.lowe@mistralpayments.example>\nSent: Monday, November 2, 2026 10:15 AM\nTo: "
        "Sam Carter <sam.carter@oldmail.example>\nSubject: Junior Analyst - Mistral Payments\n"
        "\nHi Sam,\n\nThank you for your application for the Junior Analyst role. I'm afraid "
        "we've decided not to proceed with your application on this occasion.\n\nKind "
        "regards,\nHannah Lowe\nMistral Payments\n",
        cte="7bit",
    )
    email(
        "r20_ashdown_ambiguous.eml",
        "rejection",
        "ask",
        "",
        "Ashdown Books <recruitment@ashdownbooks.example>",
        "Data Analyst application",
        day("2026-11-04"),
        "Dear Sam,\n\nThank you for applying for the Data Analyst position. We are sorry to "
        "tell you that the position has been filled.\n\nAshdown Books\n",
        cte="7bit",
    )
    email(
        "r21_fieldfare_open_one.eml",
        "rejection",
        "A0027",
        "outcome=rejected;outcome_on=2026-11-05",
        "Fieldfare Bank Talent <talent@fieldfarebank.example>",
        "Data Analyst",
        day("2026-11-05"),
        "Dear Sam,\n\nThank you for your application for the Data Analyst role. Unfortunately "
        "your application has been unsuccessful.\n\nFieldfare Bank\n",
        cte="7bit",
    )
    email(
        "r22_kittiwake_already_logged.eml",
        "rejection",
        "A0026",
        "",
        "Leo Brandt <leo.brandt@kittiwakegames.example>",
        "Product Analyst - decision",
        day("2026-10-30"),
        "Hi Sam,\n\nThank you for interviewing with us. After a lot of discussion, we've "
        "decided not to move forward with your application.\n\nLeo\n",
        cte="7bit",
    )
    raw(
        "r23_holloway_pasted_outlook.txt",
        "rejection",
        "A0024",
        "outcome=rejected;outcome_on=2026-11-03;contact_name=Rachel Moss;"
        "contact_email=rachel.moss@hollowaypike.example",
        b"From: Rachel Moss <rachel.moss@hollowaypike.example>\nSent: Tuesday, 3 November 2026 "
        b"14:05\nTo: Sam Carter\nSubject: Reporting Analyst - second interview\n\nDear Sam,\n\n"
        b"Thank you for attending the second interview. Unfortunately we have decided to move "
        b"forward with another candidate.\n\nThe panel were impressed with your Power BI "
        b"dashboard.\n\nRegards,\nRachel\n",
        feedback=1,
    )
    raw(
        "r24_saffron_body_only.txt",
        "rejection",
        "A0023",
        "outcome=rejected;outcome_on=TODAY",
        "Hi Sam,\n\nThanks for your application for the Insight Analyst role at Saffron Leaf "
        "Foods. We won’t be progressing your application any further.\n\nBest,\nSaffron Leaf "
        "Foods Talent\n".encode(),
    )
    email(
        "r25_larchmont_lever.eml",
        "rejection",
        "A0029",
        "outcome=rejected;outcome_on=2026-10-25",
        "Larchmont Studios <no-reply@hire.lever.co>",
        "Larchmont Studios - Data Analyst",
        day("2026-10-25"),
        "Hi Sam,\n\nThank you for your interest in Larchmont Studios. After reviewing your "
        "application, our team has decided to move forward with other candidates for the "
        "Data Analyst position.\n\nRegards,\nLarchmont Studios\n",
        html="<div>Hi Sam,<br><br>Thank you for your interest in Larchmont Studios. After "
        "reviewing your application, our team has decided to move forward with other "
        "candidates for the Data Analyst position.<br><br>Regards,<br>Larchmont Studios</div>",
    )
    email(
        "r26_ospreyfield_encoded_subject.eml",
        "rejection",
        "A0030",
        "outcome=rejected;outcome_on=2026-11-06;contact_name=Dr. Siân Hughes;"
        "contact_email=sian.hughes@ospreyfield.example",
        "Dr. Siân Hughes <sian.hughes@ospreyfield.example>",
        "Impact Analyst – your application",
        day("2026-11-06"),
        "Dear Sam,\n\nThank you for speaking with me on the screening call. I’m sorry to say "
        "we’ve appointed another candidate whose background is closer to the role.\n\nBest "
        "wishes,\nSiân\n",
        charset="windows-1252",
        cte="8bit",
    )
    email(
        "r27_tallis_outlook_reply.eml",
        "rejection",
        "A0004",
        "outcome=rejected;outcome_on=2026-10-20;contact_name=Mark Ellison;"
        "contact_email=mark.ellison@tallisfoods.example",
        "Mark Ellison <mark.ellison@tallisfoods.example>",
        "RE: Data Analyst interview",
        day("2026-10-20"),
        "Hi Sam,\n\nThank you for coming in last Tuesday. I'm sorry to tell you that we have "
        "decided to go in a different direction for this role.\n\nThanks\nMark\n\nFrom: Sam "
        "Carter <sam.carter@mailbox.example>\nSent: 14 October 2026 17:02\nTo: Mark Ellison "
        "<mark.ellison@tallisfoods.example>\nSubject: RE: Data Analyst interview\n\nHi Mark, "
        "thank you for the interview today, I enjoyed meeting the team and would be delighted "
        "to offer you any more details you need.\n",
        cte="7bit",
    )

    # Invitations --------------------------------------------------------------------------
    email(
        "i01_tallis_invite.eml",
        "invitation",
        "A0004",
        "stage=interview;contact_name=Mark Ellison;contact_email=mark.ellison@tallisfoods.example",
        "Mark Ellison <mark.ellison@tallisfoods.example>",
        "Interview invitation - Data Analyst",
        day("2026-10-06"),
        "Hi Sam,\n\nThanks for applying for the Data Analyst role at Tallis Foods. We'd like "
        "to invite you to an interview with the analytics team. Could you let me know your "
        "availability for Thursday or Friday next week?\n\nBest,\nMark\n",
        cte="7bit",
    )
    email(
        "i02_corvid_initial_call.eml",
        "invitation",
        "A0001",
        "stage=screening;contact_name=Ana Ruiz;contact_email=ana.ruiz@corvidsystems.example",
        "Ana Ruiz <ana.ruiz@corvidsystems.example>",
        "Next steps: BI Developer",
        day("2026-09-10"),
        "Hi Sam, thanks for your application! I'd love to set up an initial call to tell you "
        "more about the BI Developer role. Please pick a time that suits you: "
        "https://calendar.example/ana\n\nAna",
        html="<p>Hi Sam, thanks for your application! I'd love to set up an <i>initial "
        "call</i> to tell you more about the BI Developer role. Please <a "
        "href='https://calendar.example/ana'>pick a time</a> that suits you.</p><p>Ana</p>",
    )
    email(
        "i03_harbour_assessment_centre.eml",
        "invitation",
        "A0002",
        "stage=interview",
        "Harbour & Finch Recruitment <recruitment@harbourfinch.example>",
        "Assessment centre invitation",
        day("2026-09-20"),
        "Dear Sam,\n\nWe are pleased to let you know that your application for the Junior "
        "Data Analyst position has been shortlisted, and we would like you to attend our "
        "assessment centre on 2 October.\n\nPlease book a slot using the link below.\n\n"
        "Harbour & Finch\n",
        cte="7bit",
        interview="2026-10-02",
    )
    email(
        "i04_blauwal_einladung.eml",
        "invitation",
        "A0014",
        "stage=interview;contact_name=Julia Becker;"
        "contact_email=julia.becker@blauwal-software.example",
        "Julia Becker <julia.becker@blauwal-software.example>",
        "Einladung zum Vorstellungsgespräch",
        day("2026-10-07", "09:00:00", "+0200"),
        "Sehr geehrter Herr Carter,\n\nvielen Dank für Ihre Bewerbung als Data Engineer. Wir "
        "möchten Sie gerne zu einem Vorstellungsgespräch einladen. Bitte teilen Sie uns mit, "
        "ob Ihnen der 14. Oktober um 10 Uhr passt.\n\nMit freundlichen Grüßen\nJulia Becker\n",
        interview="2026-10-14",
    )
    email(
        "i05_atelier_entretien.eml",
        "invitation",
        "A0015",
        "stage=interview;contact_name=Camille Rousseau;"
        "contact_email=c.rousseau@atelier-lumiere.example",
        "Camille Rousseau <c.rousseau@atelier-lumiere.example>",
        "Entretien pour le poste d'analyste de données",
        day("2026-10-06", "11:00:00", "+0200"),
        "Bonjour,\n\nSuite à l'examen de votre candidature, nous souhaiterions vous convier à "
        "un entretien dans nos locaux à Lyon la semaine prochaine.\n\nBien cordialement,\n"
        "Camille Rousseau\n",
    )
    email(
        "i06_orbit_final_round.eml",
        "invitation",
        "A0007",
        "contact_name=Tomás Ferreira;contact_email=tomas.ferreira@orbitrail.example",
        "Tomás Ferreira <tomas.ferreira@orbitrail.example>",
        "Final round - Data Scientist",
        day("2026-10-20"),
        "Hi Sam,\n\nGreat news: we would like to invite you to the final interview at our "
        "Bristol office, with a short presentation on a project of your choice.\n\nTomás\n",
    )
    email(
        "i07_agency_unknown_client.eml",
        "invitation",
        "ask",
        "",
        "Josh Palmer <josh@brightpath-recruit.example>",
        "Interview request",
        day("2026-10-18"),
        "Hi Sam,\n\nMy client, a healthcare provider in Bristol, would like to interview you "
        "for their Data Analyst role. Are you available for a video call on Tuesday?\n\n"
        "Thanks,\nJosh Palmer\nBrightpath Recruitment\n",
        cte="7bit",
    )
    email(
        "i08_cobalt_invite_reply_thread.eml",
        "invitation",
        "A0018",
        "contact_name=Ben Adeyemi;contact_email=ben.adeyemi@cobaltfintech.example",
        "Ben Adeyemi <ben.adeyemi@cobaltfintech.example>",
        "Re: Analytics Engineer application",
        day("2026-10-13"),
        "Hi Sam,\n\nGreat to hear from you. We'd like to schedule a technical interview - "
        "could you do Monday at 2pm?\n\nBen\n\nOn Mon, 12 Oct 2026 at 18:40, Sam Carter "
        "<sam.carter@mailbox.example> wrote:\n> Hi Ben, just checking on my application for "
        "the Analytics Engineer role.\n> Unfortunately I couldn't find the status online.\n",
        cte="7bit",
    )

    # Offers -------------------------------------------------------------------------------
    email(
        "o01_quillon_offer.eml",
        "offer",
        "A0005",
        "stage=offer;outcome=offer;outcome_on=2026-11-10;contact_name=Nadia Brightwell;"
        "contact_email=n.brightwell@quillonbank.example",
        "Nadia Brightwell <n.brightwell@quillonbank.example>",
        "Offer - Risk Analyst",
        day("2026-11-10"),
        "Dear Sam,\n\nI'm delighted to offer you the position of Risk Analyst at Quillon "
        "Bank. Your formal offer letter is attached; please review it and let me know if you "
        "have any questions.\n\nCongratulations!\nNadia\n",
        cte="7bit",
    )
    email(
        "o02_heronsgate_offer_html.eml",
        "offer",
        "A0013",
        "stage=offer;outcome=offer;outcome_on=2026-11-12",
        "HR Services <hr@heronsgate.gov.example>",
        "Conditional offer of employment - Data Officer",
        day("2026-11-12"),
        "",
        html="<p>Dear Mr Carter,</p><p>Following your interview, I am pleased to confirm that "
        "we would like to make you an offer for the post of Data Officer, subject to "
        "references.</p><p>HR Services<br>Heronsgate Council</p>",
        only_html=True,
    )
    email(
        "o03_nordlicht_zusage.eml",
        "offer",
        "A0016",
        "stage=offer;outcome=offer;outcome_on=2026-11-13;contact_name=Katrin Vogel;"
        "contact_email=katrin.vogel@nordlicht-energie.example",
        "Katrin Vogel <katrin.vogel@nordlicht-energie.example>",
        "Zusage: BI Analyst",
        day("2026-11-13", "12:00:00", "+0100"),
        "Sehr geehrter Herr Carter,\n\nwir freuen uns, Ihnen die Stelle als BI Analyst "
        "anbieten zu können. Den Arbeitsvertrag senden wir Ihnen in den nächsten Tagen zu.\n\n"
        "Mit freundlichen Grüßen\nKatrin Vogel\nPersonalabteilung\n",
    )
    email(
        "o04_kestrel_offer_apple_forward.eml",
        "offer",
        "A0009",
        "stage=offer;outcome=offer;outcome_on=2026-11-14;contact_name=Renée Dubois;"
        "contact_email=renee.dubois@kestrel-ai.example",
        "Sam Carter <sam.carter@mailbox.example>",
        "Fwd: Your offer from Kestrel AI",
        day("2026-11-16"),
        "\n\nBegin forwarded message:\n\nFrom: Renée Dubois <renee.dubois@kestrel-ai.example>\n"
        "Subject: Your offer from Kestrel AI\nDate: November 14, 2026 at 9:30:12 AM GMT\nTo: "
        "Sam Carter <sam.carter@oldmail.example>\n\nHi Sam,\n\nWe're excited to offer you "
        "the ML Engineer role! The details are in the attached letter.\n\nRenée\n",
    )

    # Requests for information -------------------------------------------------------------
    email(
        "q01_cobalt_salary.eml",
        "info_request",
        "A0018",
        "contact_name=Ben Adeyemi;contact_email=ben.adeyemi@cobaltfintech.example",
        "Ben Adeyemi <ben.adeyemi@cobaltfintech.example>",
        "Analytics Engineer - a few details",
        day("2026-10-09"),
        "Hi Sam,\n\nBefore we arrange the next stage, could you send us your salary "
        "expectations and your notice period?\n\nThanks,\nBen\n",
        cte="7bit",
    )
    email(
        "q02_sandpiper_questionnaire.eml",
        "info_request",
        "A0012",
        "",
        "Sandpiper Logistics <recruitment@sandpiperlogistics.example>",
        "Action needed: your application",
        day("2026-10-01"),
        "Dear Sam,\n\nThank you for your application for Operations Analyst. Please complete "
        "the short questionnaire linked below so we can continue reviewing it.\n\nSandpiper "
        "Logistics Recruitment\n",
        cte="7bit",
    )
    email(
        "q03_lumen_referees.eml",
        "info_request",
        "A0003",
        "",
        "Grace Okafor <grace.okafor@lumenhealth.example>",
        "References",
        day("2026-10-14"),
        "Hi Sam,\n\nThe team enjoyed meeting you. Could you please send the contact details "
        "of two referees for the Analytics Engineer position?\n\nThanks,\nGrace\n",
        cte="7bit",
    )
    email(
        "q04_perch_right_to_work.eml",
        "info_request",
        "A0006",
        "contact_name=Dan Mercer;contact_email=dan.mercer@perchmedia.example",
        "Dan Mercer <dan.mercer@perchmedia.example>",
        "Quick question about your application",
        day("2026-09-25"),
        "Hi Sam, could you confirm whether you hold the right to work in the UK? We need a "
        "few more details before we can progress.\n\nDan\n",
        html="<p>Hi Sam, could you confirm whether you hold the right to work in the UK? We "
        "need a few more details before we can progress.</p><p>Dan</p>",
    )
    email(
        "q05_atelier_pieces.eml",
        "info_request",
        "A0015",
        "contact_name=Camille Rousseau;contact_email=c.rousseau@atelier-lumiere.example",
        "Camille Rousseau <c.rousseau@atelier-lumiere.example>",
        "Pièces manquantes",
        day("2026-10-02"),
        "Bonjour,\n\nMerci de nous faire parvenir une copie de votre dernier diplôme afin de "
        "compléter votre candidature.\n\nCordialement,\nCamille Rousseau\n",
        charset="iso-8859-1",
    )

    # Applications received ----------------------------------------------------------------
    email(
        "a01_corvid_received.eml",
        "received",
        "A0001",
        "",
        "Corvid Systems Careers <careers@corvidsystems.example>",
        "We received your application",
        day("2026-09-01", "18:20:00"),
        "Hi Sam,\n\nThank you for applying for the BI Developer role at Corvid Systems. We "
        "have received your application and our team will review it shortly.\n\nCorvid "
        "Systems\n",
        cte="7bit",
    )
    email(
        "a02_marlowe_claims_workday.eml",
        "received",
        "A0011",
        "",
        "Marlowe Insurance <marlowe@myworkday.com>",
        "Thank you for applying: Claims Data Analyst",
        day("2026-09-20", "21:03:00"),
        "Dear Sam Carter,\n\nThank you for applying for the Claims Data Analyst position at "
        "Marlowe Insurance. We will review your application and be in touch.\n",
        cte="7bit",
    )
    email(
        "a03_ashdown_received_by_date.eml",
        "received",
        "A0021",
        "",
        "Ashdown Books <recruitment@ashdownbooks.example>",
        "Application received - Data Analyst",
        day("2026-10-05", "12:00:00"),
        "Dear Sam,\n\nThank you for your application for the Data Analyst position at Ashdown "
        "Books. We will be in touch after the closing date.\n\nAshdown Books\n",
        cte="7bit",
    )
    email(
        "a04_blauwal_eingang.eml",
        "received",
        "A0014",
        "",
        "Blauwal Software GmbH <jobs@blauwal-software.example>",
        "Eingangsbestätigung Ihrer Bewerbung",
        day("2026-09-27", "19:00:00", "+0200"),
        "Sehr geehrter Herr Carter,\n\nvielen Dank für Ihre Bewerbung als Data Engineer. "
        "Hiermit bestätigen wir den Eingang Ihrer Bewerbung. Wir melden uns in den nächsten "
        "zwei Wochen.\n\nIhr Blauwal Recruiting-Team\n",
    )
    email(
        "a05_gannet_html_only.eml",
        "received",
        "A0019",
        "",
        "Gannet Outdoor <careers@gannetoutdoor.example>",
        "Thanks for applying!",
        day("2026-10-03", "10:10:00"),
        "",
        html="<table><tr><td><h2>Thanks for applying, Sam!</h2><p>We&#39;ve got your "
        "application for <b>Data Analyst</b> at Gannet Outdoor and will be in touch."
        "</p></td></tr></table>",
        only_html=True,
    )
    email(
        "a06_ospreyfield_base64.eml",
        "received",
        "A0030",
        "",
        "Ospreyfield Trust <recruitment@ospreyfield.example>",
        "Application received: Impact Analyst",
        day("2026-10-15"),
        "Dear Sam,\n\nYour application has been received. We are reviewing applications after "
        "the closing date of 30 October.\n\nOspreyfield Trust\n",
        cte="base64",
    )
    email(
        "a07_larchmont_lever.eml",
        "received",
        "A0029",
        "",
        "Larchmont Studios <no-reply@hire.lever.co>",
        "Thanks for applying to Larchmont Studios",
        day("2026-10-14"),
        "Hi Sam,\n\nThanks for applying to Larchmont Studios for the Data Analyst position. "
        "Our team will review your application and get back to you.\n",
        cte="7bit",
    )
    email(
        "a08_unknown_company.eml",
        "received",
        "ask",
        "",
        "Driftwood Analytics <jobs@driftwoodanalytics.example>",
        "Thank you for applying to Driftwood Analytics",
        day("2026-10-21"),
        "Hi Sam,\n\nThank you for applying for the Junior Analyst role. We will review your "
        "application within two weeks.\n",
        cte="7bit",
    )
