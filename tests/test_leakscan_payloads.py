"""Issue 14, part 3: the leak scan reads what encoded payloads hold. A canary in a PNG's text
chunks, in a JPEG comment, in a base64 data URI or in an SVG (inline, as a file, as a
notebook output, as a data URI, split over tags) is found; a plain chart's pixels give no
chance hit. What a picture shows is not read (no OCR)."""

from __future__ import annotations

import base64
import io

import matplotlib.pyplot as plt
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from rejectkit.sharing.leakscan import Needle, scan

CANARY = Needle("a contact's name", "Siobhán O'Brien")
SHORT = [Needle("part of a contact's name", v) for v in ("Ann", "Lee", "Bo", "Ida", "Kai")]


def _png(chunk: str = "", text: str = "") -> bytes:
    info = PngInfo()
    if chunk == "tEXt":
        info.add_text("Comment", text.encode("latin-1", "replace").decode("latin-1"))
    elif chunk == "zTXt":
        info.add_text("Comment", text.encode("latin-1", "replace").decode("latin-1"), zip=True)
    elif chunk == "iTXt":
        info.add_itxt("Author", text, lang="en", tkey="Autor", zip=True)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def _jpeg(comment: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "JPEG")
    raw = buffer.getvalue()
    body = comment.encode("utf-8")
    return raw[:2] + b"\xff\xfe" + (len(body) + 2).to_bytes(2, "big") + body + raw[2:]


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _page(tmp_path, body: str, name: str = "04-patterns.html") -> None:
    (tmp_path / name).write_text(f"<html>\n{body}\n</html>\n", "utf-8")


def _notebook(tmp_path, data: dict) -> None:
    cell = new_code_cell("rk.plot_funnel(data);")
    cell.outputs = [new_output("display_data", data={**data, "text/plain": "<Figure>"})]
    path = tmp_path / "notebooks" / "04-patterns.ipynb"
    path.parent.mkdir()
    nbformat.write(new_notebook(cells=[cell]), path)


@pytest.mark.parametrize(
    ("chunk", "text"),
    [("tEXt", "Siobhan OBrien"), ("zTXt", "Siobhan O'Brien"), ("iTXt", "Siobhán O’Brien")],
)
def test_a_name_in_a_png_text_chunk_is_found_in_a_data_uri_and_a_notebook(tmp_path, chunk, text):
    png = _b64(_png(chunk, text))
    _page(tmp_path, f'<img src="data:image/png;base64,{png}">')
    assert [str(h) for h in scan(tmp_path, [CANARY])] == [
        "04-patterns.html, line 2: a contact's name (S*************n)"
    ]
    (tmp_path / "04-patterns.html").unlink()
    _notebook(tmp_path, {"image/png": png})
    assert [h.where for h in scan(tmp_path, [CANARY])] == ["cell 1 (outputs)"]


def test_a_name_in_a_jpeg_comment_is_found(tmp_path):
    _page(tmp_path, f'<img src="data:image/jpeg;base64,{_b64(_jpeg("by Siobhan OBrien"))}">')
    assert [h.where for h in scan(tmp_path, [CANARY])] == ["line 2"]


@pytest.mark.parametrize(
    "svg",
    [
        '<svg xmlns="http://www.w3.org/2000/svg"><text x="1">Siobhán O&#x27;Brien</text></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><text>Siob<tspan>han</tspan> '
        "<tspan>O’</tspan><tspan>Brien</tspan></text></svg>",
        '<svg xmlns="http://www.w3.org/2000/svg"><title>SIOBHAN OBRIEN</title></svg>',
    ],
    ids=["text", "tspans", "title"],
)
@pytest.mark.parametrize("where", ["inline", "file", "data URI", "notebook"])
def test_a_name_in_an_svg_is_found(tmp_path, svg, where):
    if where == "inline":
        _page(tmp_path, f"<p>Chart</p>{svg}")
    elif where == "file":
        (tmp_path / "chart.svg").write_text(svg, "utf-8")
    elif where == "data URI":
        _page(tmp_path, f'<img src="data:image/svg+xml;base64,{_b64(svg.encode())}">')
    else:
        lines = svg.replace("><", ">\n<").splitlines(keepends=True)
        _notebook(tmp_path, {"image/svg+xml": lines})
    assert len(scan(tmp_path, [CANARY])) == 1


@pytest.mark.parametrize("fonttype", ["path", "none"])
def test_a_name_drawn_by_matplotlib_into_an_svg_is_found(tmp_path, fonttype):
    fig, ax = plt.subplots()
    ax.set_title("Interviews with Siobhán O'Brien")
    with plt.rc_context({"svg.fonttype": fonttype}):
        fig.savefig(tmp_path / "chart.svg", format="svg")
    assert [h.file for h in scan(tmp_path, [CANARY])] == ["chart.svg"]


def test_a_plain_chart_gives_no_chance_hit(tmp_path):
    # Decoded pixels are no text: short name parts are not found in a chart without names.
    fig, ax = plt.subplots()
    ax.bar(["Company 01", "Company 02"], [3, 5])
    ax.set_title("Interviews by organisation")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150)
    png = _b64(buffer.getvalue())
    _page(tmp_path, f'<img src="data:image/png;base64,{png}">')
    _notebook(tmp_path, {"image/png": png})
    assert scan(tmp_path, [CANARY, *SHORT]) == []


def test_a_base64_text_payload_is_read(tmp_path):
    payload = _b64("notes of Siobhán O'Brien".encode())
    _page(tmp_path, f'<a href="data:text/plain;charset=utf-8;base64,{payload}">notes</a>')
    assert [h.where for h in scan(tmp_path, [CANARY])] == ["line 2"]
