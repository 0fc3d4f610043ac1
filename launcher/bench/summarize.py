#!/usr/bin/env python3
"""Markdown table of BENCH_DIR/results/*_rN.json (Lifeline runs from run_lifeline.sh, VNC runs from the shared
run_one.sh): mean (min-max) per server+profile, then Lifeline / TigerVNC ZRLE ratios paired by round."""
import collections, glob, json, os, re, statistics as S, sys
W = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('BENCH_DIR', '/tmp/lifeline-bench')
runs = collections.defaultdict(dict)
for f in sorted(glob.glob(os.path.join(W, 'results', '*.json'))):
    # rounds are TAG=rN (run_matrix.sh) or TAG=latestN (a later build measured against TigerVNC again)
    m = re.match(r'(.*)_((?:r|latest)\d+)\.json$', os.path.basename(f))
    if f.endswith('.client.json') or not m:
        continue
    r = json.load(open(f))
    if 'meas' in r and 'idle' not in r:
        runs[m.group(1)][m.group(2)] = r
NAMES = {'lifeline_auto': 'Lifeline auto (lossless), cold JVM', 'lifeline_auto-warm': 'Lifeline auto, warm JVM (2nd workload)',
         'lifeline_auto-c1': 'Lifeline auto, cold JVM, -XX:TieredStopAtLevel=1',
         'lifeline_auto-codec0726': 'Lifeline auto, cold JVM, codec.tile of 07:26',
         'lifeline_auto-warm-codec0726': 'Lifeline auto, warm JVM, codec.tile of 07:26', 'lifeline_high': 'Lifeline high (lossless)',
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
    fvs = ('-' if all(v is None for v in fv) else 'yes, 0 px differ' if all(v == 0 for v in fv)
           else 'no: {:,} px differ in every run'.format(fv[0]) if len(set(fv)) == 1 else 'differing px: %s' % fv)
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

# where the bytes go: 1-s bins after the workload starts (Lifeline: stats sampled each second; rfbbench: its
# per-second counters, whose clock starts about 1 s before the workload). Phase limits are approximate (+-1 s).
PHASES = [('typing', 1, 3), ('scrolling 250 lines', 4, 9), ('moving window B', 10, 13), ('ls/seq burst + clear', 14, 99)]
print()
print('| approx. phase (1-s bins) | ' + ' | '.join(NAMES.get(k, k) for k in order) + ' |')
print('|---|' + '---|' * len(order))
for ph, lo, hi in PHASES:
    cells = []
    for k in order:
        vals, ups = [], []
        for r in runs[k].values():
            ps = r['meas']['per_second']
            if k.startswith('lifeline'):
                sel = [(b, u) for b, u, t in ps if lo - 0.5 < t < hi + 0.5]
            else:
                sel = [(p[0], p[1]) for i, p in enumerate(ps) if lo <= i <= hi]
            vals.append(sum(b for b, u in sel)); ups.append(sum(u for b, u in sel))
        cells.append('{:,.0f} B / {:.0f} upd'.format(S.mean(vals), S.mean(ups)))
    print('| %s | %s |' % (ph, ' | '.join(cells)))
print()
for k in order:
    th = [r.get('novice_threads_cpu_s') for r in runs[k].values() if r.get('novice_threads_cpu_s')]
    if th:
        names = sorted({n for t in th for n in t}, key=lambda n: -S.mean([t.get(n, 0) for t in th]))
        print('- %s, novice CPU by thread during the workload (mean s over the %d runs that recorded it): %s' % (NAMES.get(k, k), len(th), ', '.join(
            '%s %.2f' % (n, S.mean([t.get(n, 0) for t in th])) for n in names if S.mean([t.get(n, 0) for t in th]) >= 0.02)))

# idle: run_lifeline.sh IDLE=30 --no-workload (result names *_idleN) and idle_vnc.sh (idle_x0vnc_zrle_*)
idle = collections.defaultdict(list)
for f in sorted(glob.glob(os.path.join(W, 'results', '*.json'))):
    if f.endswith('.client.json'):
        continue
    r = json.load(open(f))
    if 'idle' in r:
        idle['TigerVNC ZRLE' if 'x0vnc' in f else 'Lifeline auto'].append(r)
if idle:
    print()
    print('| idle, scene static, no workload | runs | seconds | screen bytes | novice/server CPU s | CPU % of one core | Xvfb CPU s |')
    print('|---|---|---|---|---|---|---|')
    for k, rs in sorted(idle.items()):
        i = [r['idle'] for r in rs]
        b = [r['idle']['bytes'] if 'bytes' in r['idle'] else r['meas']['bytes'] for r in rs]
        print('| %s | %d | %.0f | %s | %s | %s | %s |' % (k, len(rs), S.mean(x['seconds'] for x in i), mr(b),
              mr([x['server_cpu_s'] for x in i], '{:.2f}'), mr([x['server_cpu_pct'] for x in i], '{:.2f}'),
              mr([x['xvfb_cpu_s'] for x in i], '{:.2f}')))
