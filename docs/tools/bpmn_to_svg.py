#!/usr/bin/env python3
"""Draws a BPMN file's diagram interchange as SVG, for the process pages in docs/processes/.

    python3 docs/tools/bpmn_to_svg.py bpmn/coordination-meeting/coordination-meeting.bpmn docs/processes/coordination-meeting.svg

Enough of BPMN for our diagrams: tasks (user/service markers, multi-instance), sub-processes,
start/end/terminate events, timer and message events, exclusive/parallel gateways, sequence flows
with their names. The picture is what Cockpit shows, without needing a browser.
"""
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
      "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
      "dc": "http://www.omg.org/spec/DD/20100524/DC",
      "di": "http://www.omg.org/spec/DD/20100524/DI"}
B = "{%s}" % NS["bpmn"]


def wrap(text, width):
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = (line + " " + word).strip()
    if line:
        lines.append(line)
    return lines


def label_bounds(element):
    bounds = element.find("bpmndi:BPMNLabel/dc:Bounds", NS)
    return None if bounds is None else tuple(float(bounds.get(k)) for k in ("x", "y", "width", "height"))


def text_block(x, y, lines, size=12, anchor="middle", weight="normal"):
    out = []
    for i, line in enumerate(lines):
        out.append(f'<text x="{x}" y="{y + i * (size + 2)}" font-size="{size}" text-anchor="{anchor}" '
                   f'font-weight="{weight}">{escape(line)}</text>')
    return "".join(out)


def main(src, dst):
    root = ET.parse(src).getroot()
    elements = {e.get("id"): e for e in root.iter() if e.get("id")}
    shapes, edges = [], []
    xs, ys = [], []
    for shape in root.iter("{%s}BPMNShape" % NS["bpmndi"]):
        b = shape.find("dc:Bounds", NS)
        x, y, w, h = (float(b.get(k)) for k in ("x", "y", "width", "height"))
        xs += [x, x + w]
        ys += [y, y + h + 40]
        shapes.append((elements[shape.get("bpmnElement")], x, y, w, h, label_bounds(shape)))
    for edge in root.iter("{%s}BPMNEdge" % NS["bpmndi"]):
        points = [(float(p.get("x")), float(p.get("y"))) for p in edge.findall("di:waypoint", NS)]
        xs += [p[0] for p in points]
        ys += [p[1] for p in points]
        edges.append((elements[edge.get("bpmnElement")], points, label_bounds(edge)))
    minx, miny = min(xs) - 60, min(ys) - 40
    width, height = max(xs) - minx + 60, max(ys) - miny + 20
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{minx} {miny} {width} {height}" '
           f'width="{int(width)}" height="{int(height)}" font-family="Arial, Helvetica, sans-serif">',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
           'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#22242a"/></marker></defs>',
           f'<rect x="{minx}" y="{miny}" width="{width}" height="{height}" fill="#ffffff"/>']
    # sub-processes first (behind), then flows, then the rest
    order = sorted(shapes, key=lambda s: 0 if s[0].tag == B + "subProcess" else 2)
    body_sub = [s for s in order if s[0].tag == B + "subProcess"]
    body_rest = [s for s in order if s[0].tag != B + "subProcess"]
    for el, x, y, w, h, _ in body_sub:
        out.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="12" fill="#fafbfc" stroke="#22242a" stroke-width="1.5"/>')
        out.append(text_block(x + 12, y + 20, [el.get("name", "")], 13, "start", "bold"))
        if el.find(B + "multiInstanceLoopCharacteristics") is not None:
            out.append(mi_marker(x + w / 2, y + h - 16))
    for el, points, label in edges:
        d = " ".join(f"{px},{py}" for px, py in points)
        out.append(f'<polyline points="{d}" fill="none" stroke="#22242a" stroke-width="1.3" marker-end="url(#arrow)"/>')
        if el.get("name") and label:
            out.append(text_block(label[0], label[1] + 11, [el.get("name")], 11, "start"))
        elif el.get("name"):
            (x1, y1), (x2, y2) = points[0], points[1]
            out.append(text_block((x1 + x2) / 2 + 6, (y1 + y2) / 2 - 6, [el.get("name")], 11, "start"))
    for el, x, y, w, h, label in body_rest:
        tag = el.tag.replace(B, "")
        name = el.get("name", "")
        cx, cy = x + w / 2, y + h / 2
        if tag in ("userTask", "serviceTask", "sendTask", "task", "businessRuleTask", "callActivity"):
            fill = "#e3f2fd" if tag == "userTask" else "#ffffff"
            width = 4 if tag == "callActivity" else 1.5
            out.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10" fill="{fill}" stroke="#22242a" stroke-width="{width}"/>')
            kind = {"userTask": "Pengguna", "businessRuleTask": "Tabel keputusan", "callActivity": "Proses lain"}
            out.append(text_block(x + 8, y + 14, [kind.get(tag, "Sistem")], 9, "start"))
            lines = wrap(name, 16)
            out.append(text_block(cx, cy - (len(lines) - 1) * 7 + 4, lines, 12))
            if el.find(B + "multiInstanceLoopCharacteristics") is not None:
                out.append(mi_marker(cx, y + h - 12))
        elif tag in ("startEvent", "endEvent", "boundaryEvent", "intermediateCatchEvent"):
            r = w / 2
            stroke = 3.5 if tag == "endEvent" else 1.5
            fill = "#fff8e1" if tag == "boundaryEvent" else "#ffffff"
            dash = ' stroke-dasharray="4 2"' if tag == "boundaryEvent" and el.get("cancelActivity") == "false" else ""
            out.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}" stroke="#22242a" stroke-width="{stroke}"{dash}/>')
            if el.find(B + "timerEventDefinition") is not None:
                out.append(f'<circle cx="{cx}" cy="{cy}" r="{r - 3 if tag == "intermediateCatchEvent" else r - 5}" fill="none" stroke="#22242a"{dash}/>')
                if tag == "intermediateCatchEvent":
                    out.append(f'<circle cx="{cx}" cy="{cy}" r="{r - 7}" fill="none" stroke="#22242a"/>')
                out.append(f'<path d="M {cx} {cy - 9} L {cx} {cy} L {cx + 6} {cy + 3}" fill="none" stroke="#22242a" stroke-width="1.5"/>')
            if el.find(B + "messageEventDefinition") is not None:
                if tag == "intermediateCatchEvent":
                    out.append(f'<circle cx="{cx}" cy="{cy}" r="{r - 3}" fill="none" stroke="#22242a"/>')
                out.append(f'<rect x="{cx - 9}" y="{cy - 6}" width="18" height="12" fill="none" stroke="#22242a" stroke-width="1.3"/>'
                           f'<path d="M {cx - 9} {cy - 6} L {cx} {cy + 1} L {cx + 9} {cy - 6}" fill="none" stroke="#22242a" stroke-width="1.3"/>')
            if el.find(B + "terminateEventDefinition") is not None:
                out.append(f'<circle cx="{cx}" cy="{cy}" r="{r - 7}" fill="#22242a"/>')
            if label:
                out.append(text_block(label[0] + label[2] / 2, label[1] + 11, [name], 11))
            else:
                out.append(text_block(cx, y + h + 14, wrap(name, 18), 11))
        elif tag.endswith("Gateway"):
            out.append(f'<path d="M {cx} {y} L {x + w} {cy} L {cx} {y + h} L {x} {cy} Z" fill="#ffffff" stroke="#22242a" stroke-width="1.5"/>')
            if tag == "eventBasedGateway":
                out.append(f'<circle cx="{cx}" cy="{cy}" r="13" fill="none" stroke="#22242a"/>'
                           f'<circle cx="{cx}" cy="{cy}" r="10" fill="none" stroke="#22242a"/>')
                pts = " ".join(f"{cx + 7 * __import__('math').sin(k * 1.2566)},{cy - 7 * __import__('math').cos(k * 1.2566)}" for k in range(5))
                out.append(f'<polygon points="{pts}" fill="none" stroke="#22242a" stroke-width="1.3"/>')
            elif tag == "parallelGateway":
                out.append(f'<path d="M {cx} {cy - 12} L {cx} {cy + 12} M {cx - 12} {cy} L {cx + 12} {cy}" stroke="#22242a" stroke-width="3"/>')
            else:
                out.append(f'<path d="M {cx - 8} {cy - 8} L {cx + 8} {cy + 8} M {cx + 8} {cy - 8} L {cx - 8} {cy + 8}" stroke="#22242a" stroke-width="3"/>')
            if name and label:
                out.append(text_block(label[0] + label[2] / 2, label[1] + 11, wrap(name, 22), 11))
            elif name:
                out.append(text_block(cx, y - 8, wrap(name, 22), 11))
    out.append("</svg>")
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def mi_marker(cx, y):
    return "".join(f'<line x1="{cx + dx}" y1="{y - 8}" x2="{cx + dx}" y2="{y + 4}" stroke="#22242a" stroke-width="2"/>'
                   for dx in (-5, 0, 5))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
