"""The text of a PDF's marked-content sequences (MCIDs), read with pikepdf.

For fonts with a ToUnicode CMap (Chromium writes one for every font, two-byte
Identity-H codes): ``page_texts(page)`` maps each MCID of a page to the text
painted inside it. Enough to name a tagged element by its text; not a general
text extractor (no Form XObjects, no spacing from positions).
"""

from __future__ import annotations

import re

import pikepdf

_HEX = re.compile(rb'<([0-9A-Fa-f]+)>')


def _unicode(hex_bytes: bytes) -> str:
    data = bytes.fromhex(hex_bytes.decode('ascii'))
    return data.decode('utf-16-be', errors='replace')


def to_unicode(cmap: bytes) -> dict[int, str]:
    """Code -> text from a ToUnicode CMap's bfchar and bfrange sections."""
    table: dict[int, str] = {}
    for block in re.findall(rb'beginbfchar(.*?)endbfchar', cmap, re.S):
        values = _HEX.findall(block)
        for code, text in zip(values[0::2], values[1::2], strict=False):
            table[int(code, 16)] = _unicode(text)
    for block in re.findall(rb'beginbfrange(.*?)endbfrange', cmap, re.S):
        for line in block.splitlines():
            if b'[' in line:
                start, end = (int(v, 16) for v in _HEX.findall(line.split(b'[')[0])[:2])
                for offset, text in enumerate(_HEX.findall(line.split(b'[', 1)[1])):
                    table[start + offset] = _unicode(text)
                continue
            values = _HEX.findall(line)
            if len(values) != 3:
                continue
            start, end, first = int(values[0], 16), int(values[1], 16), values[2]
            base = bytes.fromhex(first.decode('ascii'))
            for offset in range(end - start + 1):
                last = int.from_bytes(base[-2:], 'big') + offset
                table[start + offset] = (base[:-2] + last.to_bytes(2, 'big')).decode('utf-16-be', errors='replace')
    return table


def _decode(data: bytes, table: dict[int, str]) -> str:
    return ''.join(table.get(int.from_bytes(data[i:i + 2], 'big'), '') for i in range(0, len(data) - 1, 2))


def page_texts(page: pikepdf.Page) -> dict[int, str]:
    resources = page.obj.get('/Resources', pikepdf.Dictionary())
    fonts = resources.get('/Font', pikepdf.Dictionary())
    properties = resources.get('/Properties', pikepdf.Dictionary())
    tables: dict[str, dict[int, str]] = {}
    texts: dict[int, list[str]] = {}
    stack: list[int | None] = []
    table: dict[int, str] = {}
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name == 'BMC':
            stack.append(None)
        elif name == 'BDC':
            props = operands[1]
            if isinstance(props, pikepdf.Name):
                props = properties.get(props, pikepdf.Dictionary())
            mcid = props.get('/MCID') if isinstance(props, pikepdf.Dictionary) else None
            stack.append(int(mcid) if mcid is not None else None)
        elif name == 'EMC':
            if stack:
                stack.pop()
        elif name == 'Tf':
            key = str(operands[0])
            if key not in tables:
                font = fonts.get(key)
                cmap = font.get('/ToUnicode') if font is not None else None
                tables[key] = to_unicode(cmap.read_bytes()) if cmap is not None else {}
            table = tables[key]
        elif name in {'Tj', 'TJ', "'", '"'}:
            current = next((mcid for mcid in reversed(stack) if mcid is not None), None)
            if current is None:
                continue
            shown = operands[-1]
            parts = list(shown) if isinstance(shown, pikepdf.Array) else [shown]
            for part in parts:
                if isinstance(part, pikepdf.String):
                    texts.setdefault(current, []).append(_decode(bytes(part), table))
    return {mcid: ''.join(parts) for mcid, parts in texts.items()}
