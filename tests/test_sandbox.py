"""Templates in a sandbox: a template in the workspace's templates/ folder fills in fields and
nothing else. The known jinja2 escapes (``__subclasses__``, ``cycler``, ``lipsum``, ...) are a
clear error naming the file and line, and none of them runs a command."""

from __future__ import annotations

import pytest

from rejectkit.messages.drafts import TemplateError, draft_message

NAME = "rejection_reply.warm.txt"


@pytest.fixture
def ws(workspace):
    (workspace.path / "templates").mkdir()
    return workspace


def _draft(ws):
    return draft_message(ws.read(), "rejection_reply", application_id="A0001")


def _payloads(marker: str) -> list[tuple[str, str]]:
    shell = f"touch {marker}"
    return [
        (
            "{{ ''.__class__.__mro__[1].__subclasses__() }}",
            r"line 4, tries to reach outside the message \(access to attribute '__class__'",
        ),
        (
            "{% for c in ''.__class__.__base__.__subclasses__() %}{% if c.__name__ == "
            f"'Popen' %}}{{{{ c('{shell}', shell=True) }}}}{{% endif %}}{{% endfor %}}",
            r"line 4, tries to reach outside the message",
        ),
        (
            f"{{{{ cycler.__init__.__globals__.os.popen('{shell}').read() }}}}",
            r"uses a field the kit does not fill in: 'cycler' \(line 4\)",
        ),
        (
            f"{{{{ lipsum.__globals__['os'].popen('{shell}').read() }}}}",
            r"uses a field the kit does not fill in: 'lipsum' \(line 4\)",
        ),
        (
            f"{{{{ joiner.__init__.__globals__.os.system('{shell}') }}}}",
            r"'joiner' \(line 4\)",
        ),
        (
            f"{{{{ namespace.__init__.__globals__.os.system('{shell}') }}}}",
            r"'namespace' \(line 4\)",
        ),
        (
            f"{{{{ self.__init__.__globals__.__builtins__.__import__('os').system('{shell}') }}}}",
            r"line 4, tries to reach outside the message \(access to attribute '__init__'",
        ),
        (
            # The sandbox's attr filter gives nothing for an unsafe name.
            "{{ company|attr('__class__')|attr('__mro__') }}",
            r"line 4, could not be filled in: .* has no attribute '__mro__'",
        ),
        (
            "{{ '{0.__class__.__mro__}'.format(company) }}",
            r"line 4, tries to reach outside the message",
        ),
        (
            "{{ company.__init__.__globals__ }}",
            r"line 4, tries to reach outside the message",
        ),
        (
            "{% include '../../../../../../etc/passwd' %}",
            r"line 4, includes '\.\./\.\./\.\./\.\./\.\./\.\./etc/passwd', which is not a "
            r"template",
        ),
        (
            "{% include '/etc/passwd' %}",
            r"line 4, includes '/etc/passwd', which is not a template",
        ),
        (
            "{% extends '../applications.csv' %}",
            r"line 4, includes '\.\./applications\.csv', which is not a template",
        ),
        ("{{ 1 / 0 }}", r"line 4, failed: ZeroDivisionError"),
    ]


@pytest.mark.parametrize("index", range(len(_payloads("x"))))
def test_a_template_cannot_escape_the_sandbox(ws, tmp_path, index):
    marker = tmp_path / "pwned"
    payload, expected = _payloads(str(marker))[index]
    template = ws.path / "templates" / NAME
    template.write_text(f"Subject: Thanks\n\nDear {{{{ first_name }}}},\n{payload}\n", "utf-8")
    with pytest.raises(TemplateError, match=expected) as caught:
        _draft(ws)
    assert str(template) in str(caught.value)
    assert not marker.exists()  # no command ran
    assert "root:" not in str(caught.value)


def test_a_template_linked_to_a_file_outside_is_not_read(ws, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Subject: the secret is 42\n\nhidden\n", "utf-8")
    (ws.path / "templates" / NAME).symlink_to(secret)
    with pytest.raises(TemplateError, match="is a link to a file outside its folder") as caught:
        _draft(ws)
    assert "42" not in str(caught.value)


def test_a_sandboxed_template_still_does_what_templates_are_for(ws):
    (ws.path / "templates" / NAME).write_text(
        "Subject: Thanks, {{ company|upper }}\n\n{% if first_name %}Dear {{ first_name }},"
        "{% else %}Hello,{% endif %}\n{% for w in role.split() %}[{{ w }}]{% endfor %}\n",
        "utf-8",
    )
    draft = _draft(ws)
    company = ws.read().applications.set_index("id").at["A0001", "company"]
    assert draft.subject == f"Thanks, {company.upper()}"
    assert draft.body.count("[") >= 1
