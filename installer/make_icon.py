"""Draw TalentDesk's icon (a person under a rising star on an official blue tile) and write every size we ship.

    python installer/make_icon.py     # writes resources/icons/talentdesk.ico (16–256 px) and talentdesk-*.png

Drawn once at 1024 px and reduced with Lanczos, so each size is smooth; the small sizes use a thicker figure so
the shape still reads at 16 px in Explorer's list view. Needs Pillow (a build-time tool only).
"""
from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]
PNG_SIZES = [32, 64, 128, 256, 512]

BLUE_TOP = (33, 97, 184)
BLUE_BOTTOM = (18, 58, 122)
GOLD = (247, 192, 58)
WHITE = (255, 255, 255)


def _star(cx: float, cy: float, r_out: float, r_in: float) -> list[tuple[float, float]]:
    import math

    pts = []
    for i in range(10):
        r = r_out if i % 2 == 0 else r_in
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def draw(size: int = 1024, *, bold: bool = False) -> Image.Image:
    s = size
    tile = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    # vertical gradient, clipped to a rounded square
    grad = Image.new("RGBA", (s, s))
    gd = ImageDraw.Draw(grad)
    for y in range(s):
        t = y / (s - 1)
        colour = tuple(round(BLUE_TOP[i] * (1 - t) + BLUE_BOTTOM[i] * t) for i in range(3)) + (255,)
        gd.line([(0, y), (s, y)], fill=colour)
    mask = Image.new("L", (s, s), 0)
    margin = s * 0.04
    ImageDraw.Draw(mask).rounded_rectangle([margin, margin, s - margin, s - margin], radius=s * 0.2, fill=255)
    tile.paste(grad, (0, 0), mask)

    d = ImageDraw.Draw(tile)
    k = 1.18 if bold else 1.0
    # the person: head and shoulders
    head_r = s * 0.125 * k
    head_c = (s * 0.44, s * 0.47)
    d.ellipse([head_c[0] - head_r, head_c[1] - head_r, head_c[0] + head_r, head_c[1] + head_r], fill=WHITE)
    body_w = s * 0.25 * k
    body_top = head_c[1] + head_r + s * 0.045
    # shoulders: rounded on top only, flat where the bust ends
    d.rounded_rectangle([head_c[0] - body_w, body_top, head_c[0] + body_w, s * 0.78], radius=s * 0.15 * k,
                        fill=WHITE, corners=(True, True, False, False))
    # the rising star, upper right
    star_r = s * 0.15 * (1.1 if bold else 1.0)
    d.polygon(_star(s * 0.72, s * 0.29, star_r, star_r * 0.45), fill=GOLD)
    return tile


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw(1024)
    bold = draw(1024, bold=True)
    frames = [(bold if n <= 32 else big).resize((n, n), Image.LANCZOS) for n in ICO_SIZES]
    frames[-1].save(OUT / "talentdesk.ico", format="ICO", sizes=[(n, n) for n in ICO_SIZES],
                    append_images=frames[:-1])
    for n in PNG_SIZES:
        (bold if n <= 32 else big).resize((n, n), Image.LANCZOS).save(OUT / f"talentdesk-{n}.png", optimize=True)
    print(f"wrote {OUT / 'talentdesk.ico'} and {len(PNG_SIZES)} PNGs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
