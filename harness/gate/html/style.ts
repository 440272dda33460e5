/**
 * The page's only stylesheet, inlined so the report is one file that opens anywhere. Diagram text is
 * monospaced (DejaVu Sans Mono first: Debian's chromium ships with it, and label widths are measured
 * for it). Colours of field marks are chosen to stay apart for common colour-vision deficiencies;
 * each mark also has its own border style, so a print in grey still tells them apart.
 */
export const PAGE_CSS = `
:root { --ink: #1a202c; --muted: #5f6b7a; --line: #d5dbe3; --bg: #ffffff; --soft: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--bg); font: 14px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
main { max-width: 1440px; margin: 0 auto; padding: 0 24px 48px; }
header.verdict { padding: 18px 24px; color: #fff; }
header.verdict.v-pass { background: #276749; }
header.verdict.v-fail { background: #9b2c2c; }
header.verdict h1 { margin: 0 0 4px; font-size: 24px; }
header.verdict p { margin: 0; opacity: .92; }
nav.toc { margin: 16px 0; padding: 10px 14px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; }
nav.toc ul { margin: 4px 0 0; padding-left: 20px; columns: 2; }
h2 { margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); font-size: 20px; }
h3 { margin: 20px 0 8px; font-size: 16px; }
code, pre { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12.5px; }
pre { margin: 6px 0 0; padding: 8px; background: var(--soft); border: 1px solid var(--line); overflow-x: auto; white-space: pre; }
a { color: #2b5797; }
a.self { color: inherit; text-decoration: none; }
.muted { color: var(--muted); }
.failures { margin: 12px 0; padding: 10px 14px; border-left: 4px solid #c53030; background: #fff5f5; }
.failures li { margin: 4px 0; }
/* Whole pixels for what names the failed rules and the next command, so that the figures below keep
   their place on the pixel grid however many rules are named. */
.failures .rules, .failures p.next { line-height: 20px; }
.failures .rules code, .failures p.next code { line-height: 16px; }
.failures p.next { margin: 6px 0 0; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 16px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num { text-align: right; }
td.message { max-width: 560px; }
td.values { white-space: nowrap; }
.message { white-space: pre-wrap; }
.purpose { color: var(--muted); font-size: 12px; max-width: 280px; }
.waived-note { color: var(--muted); font-style: italic; }
tr.waived td { color: var(--muted); }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.error, .badge.v-fail { background: #fed7d7; color: #822727; }
.badge.warning, .badge.warn { background: #feebc8; color: #7b341e; }
.badge.info, .badge.v-skip { background: #e2e8f0; color: #2d3748; }
.badge.v-pass { background: #c6f6d5; color: #22543d; }
.badge.waived { background: #edf2f7; color: #718096; text-decoration: line-through; }
section.step { margin-top: 8px; }
figure { margin: 12px 0 20px; }
figcaption { margin-bottom: 6px; font-size: 15px; }
.maps, .sides { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: flex-start; }
.map-head, .side-head, .pair-head { font-size: 12.5px; margin-bottom: 2px; }
.pair { margin: 6px 0 14px; padding: 8px 10px; border: 1px solid var(--line); border-radius: 6px; }
.pair-head { font-weight: 600; margin-bottom: 6px; }
.side.old .side-head::before { content: "old "; color: var(--muted); }
.side.new .side-head::before { content: "new "; color: var(--muted); }
.absent { width: 662px; padding: 12px; color: #822727; background: #fff5f5; border: 1px dashed #c53030; }
svg.byte-map { display: block; max-width: 100%; height: auto; background: #fff; }
svg.byte-map text { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; }
svg.byte-map .byte-index { font-size: 10px; fill: #8a96a8; text-anchor: middle; }
svg.byte-map .row-offset { font-size: 11px; fill: var(--muted); text-anchor: end; }
svg.byte-map .field rect { fill: #e3ecfa; stroke: #4a6489; stroke-width: 1.2; }
svg.byte-map .field.bitfield rect { stroke-dasharray: 2 2; }
svg.byte-map .field.f-moved rect { fill: #ffdf99; stroke: #a05a00; stroke-width: 2.2; }
svg.byte-map .field.f-retyped rect { fill: #e4d3ff; stroke: #5b35b0; stroke-width: 2.2; stroke-dasharray: 8 3; }
svg.byte-map .field.f-inserted rect { fill: #bdebc8; stroke: #22703f; stroke-width: 2.2; }
svg.byte-map .field.f-removed rect { fill: #ffd0d0; stroke: #b42323; stroke-width: 2.2; stroke-dasharray: 4 3; }
svg.byte-map .field.f-renamed rect { fill: #c3ebef; stroke: #20707a; stroke-width: 2.2; stroke-dasharray: 1 3; stroke-linecap: round; }
svg.byte-map .field .name { font-size: 12px; font-weight: bold; fill: #1a202c; }
svg.byte-map .field .name.small { font-size: 10px; }
svg.byte-map .field .meta { font-size: 10.5px; fill: #3d4756; }
svg.byte-map .field .cont { font-size: 10.5px; fill: #5f6b7a; font-style: italic; }
svg.byte-map .field.f-removed .name { text-decoration: line-through; }
svg.byte-map .hole rect { stroke: #b42323; stroke-width: 1.2; stroke-dasharray: 3 2; }
svg.byte-map .tail rect { stroke: #a05a00; stroke-width: 1.2; stroke-dasharray: 3 2; }
svg.byte-map .pad-label { font-size: 11px; font-weight: bold; fill: #7a1c1c; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg.byte-map .tail .pad-label { fill: #6b4000; }
svg.byte-map .elision path { fill: none; stroke: #8a96a8; stroke-width: 1.2; }
svg.byte-map .elision-label { font-size: 10.5px; fill: var(--muted); text-anchor: middle; }
svg.byte-map .elision-back { fill: #fff; }
svg.byte-map .footnote { font-size: 10.5px; fill: #3d4756; }
ul.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 8px 0 12px; padding: 8px 12px; list-style: none; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; font-size: 12.5px; }
ul.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 26px; height: 14px; border: 1.2px solid #4a6489; border-radius: 2px; background: #e3ecfa; }
.swatch.s-moved { background: #ffdf99; border: 2px solid #a05a00; }
.swatch.s-retyped { background: #e4d3ff; border: 2px dashed #5b35b0; }
.swatch.s-inserted { background: #bdebc8; border: 2px solid #22703f; }
.swatch.s-removed { background: #ffd0d0; border: 2px dashed #b42323; }
.swatch.s-renamed { background: #c3ebef; border: 2px dotted #20707a; }
.swatch.s-bitfield { border-style: dashed; }
.swatch.s-hole { border: 1.2px dashed #b42323; background: repeating-linear-gradient(45deg, #e4a0a0 0 2.5px, #fff4f4 2.5px 7px); }
.swatch.s-tail { border: 1.2px dashed #a05a00; background: repeating-linear-gradient(-45deg, #d9b77a 0 2.5px, #fffaf0 2.5px 7px); }
details > summary { cursor: pointer; font-weight: 600; margin: 8px 0; }
td.message details > summary { font-weight: normal; color: #2b5797; margin: 4px 0 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 12.5px; }
`;
