#!/usr/bin/env python3
"""Markdown table of BENCH_DIR/results/*_rN.json (Lifeline runs from run_lifeline.sh, VNC runs from the shared
run_one.sh): mean (min-max) per server+profile, then Lifeline / TigerVNC ZRLE ratios paired by round."""
import collections, glob, json, os, re, statistics as S, sys
W = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('BENCH_DIR', '/tmp/lifeline-bench')
runs = collections.defaultdict(dict)
for f in sorted(glob.glob(os.path.join(W, 'results', '*_r[0-9]*.json'))):
    if f.endswith('.client.json'):
        continue
    m = re.match(r'(.*)_r(\d+)\.json$', os.path.basename(f))
    r = json.load(open(f))
    if 'meas' in r:
        runs[m.group(1)][int(m.group(2))] = r
NAMES = {'lifeline_auto': 'Lifeline (auto = lossless)', 'lifeline_high': 'Lifeline high (lossless)',
         'lifeline_low': 'Lifeline low (56k profile)', 'x0vnc_zrle+copyrect': 'TigerVNC ZRLE (+CopyRect offered)',
         'x0vnc_tight+copyrect': 'TigerVNC Tight lossless', 'x0vnc_raw': 'TigerVNC raw',
         'x11vnc_zrle+copyrect': 'x11vnc ZRLE', 'x11vnc_tight+copyrect': 'x11vnc Tight lossless'}


def mr(vals, fmt='{:,.0f}'):
    if len(vals) == 1:
        return fmt.format(vals[0])
    return (fmt + ' (' + fmt + '–' + fmt + ')').format(S.mean(vals), min(vals), max(vals))


print('| server / profile | runs | bytes after the first frame | bytes/s | updates/s | novice/server CPU s | Xvfb CPU s '
      '| server+Xvfb CPU s | first frame | final view = display |')
print('|---|---|---|---|---|---|---|---|---|---|')
order = sorted(runs, key=lambda k: (not k.startswith('lifeline'), k))
for k in order:
    rs = list(runs[k].values())
    g = lambda f: [f(r) for r in rs]
    fv = g(lambda r: r['final_view'][-1]['differing_pixels'] if 'final_view' in r else None)
    fvs = '-' if all(v is None for v in fv) else ('yes, 0 px differ' if all(v == 0 for v in fv) else 'differing px: %s' % fv)
    print('| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |' % (
        NAMES.get(k, k), len(rs), mr(g(lambda r: r['meas']['bytes'])), mr(g(lambda r: r['meas']['bytes_per_s'])),
        '%.1f' % S.mean(g(lambda r: r['meas']['updates_per_s'])), mr(g(lambda r: r['server_cpu_s']), '{:.2f}'),
        mr(g(lambda r: r['xvfb_cpu_s']), '{:.2f}'), mr(g(lambda r: r['server_cpu_s'] + r['xvfb_cpu_s']), '{:.2f}'),
        mr(g(lambda r: r['init']['bytes'])), fvs))
base = runs.get('x0vnc_zrle+copyrect', {})
print()
for k in order:
    if not k.startswith('lifeline'):
        continue
    pairs = [(runs[k][i], base[i]) for i in sorted(runs[k]) if i in base]
    if not pairs:
        continue
    rb = [a['meas']['bytes'] / b['meas']['bytes'] for a, b in pairs]
    rc = [a['server_cpu_s'] / b['server_cpu_s'] for a, b in pairs]
    rx = [(a['server_cpu_s'] + a['xvfb_cpu_s']) / (b['server_cpu_s'] + b['xvfb_cpu_s']) for a, b in pairs]
    print('- %s / TigerVNC ZRLE, paired by round (n=%d): bytes **%s**, novice CPU / server CPU **%s**, '
          'with Xvfb %s' % (NAMES.get(k, k), len(pairs), mr(rb, '{:.3f}'), mr(rc, '{:.2f}'), mr(rx, '{:.2f}')))
