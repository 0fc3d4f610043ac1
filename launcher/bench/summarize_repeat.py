"""CPU per workload of the sessions run_repeat_matrix.sh measured, paired by round with TigerVNC's server."""
import glob, json, os, re, statistics, sys

res, k = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
rows = {}
for f in glob.glob(os.path.join(res, '*.json')):
    name = os.path.basename(f)[:-5]
    m = re.match(r'lifeline_auto-(repeat%d(?:-[\w]+)?)_(r\d+)$' % k, name) or \
        re.match(r'(x0vnc-repeat%d)_zrle\+copyrect_(r\d+)$' % k, name)
    if not m:
        continue
    r = json.load(open(f))
    if 'server_cpu_s_each' in r:
        each = r['server_cpu_s_each']
    else:
        each = [r['server_cpu_s']] + [p['server_cpu_s'] for p in r.get('repeats', [])]
    if len(each) == k:
        rows.setdefault(m.group(1), {})[m.group(2)] = each
vnc = rows.get('x0vnc-repeat%d' % k, {})
print('| server | rounds | ' + ' | '.join('workload %d CPU s' % (i + 1) for i in range(k)) +
      ' | all %d | ratio to TigerVNC, 1st workload | ratio, all %d |' % (k, k))
print('|---|---|' + '---|' * k + '---|---|---|')
def fmt(xs):
    return '%.2f (%.2f–%.2f)' % (statistics.mean(xs), min(xs), max(xs))
for name in sorted(rows):
    runs = rows[name]
    cols = [fmt([v[i] for v in runs.values()]) for i in range(k)]
    total = fmt([sum(v) for v in runs.values()])
    paired = [r for r in runs if r in vnc]
    if name.startswith('x0vnc') or not paired:
        ratios = ['-', '-']
    else:
        first = [runs[r][0] / vnc[r][0] for r in paired]
        allk = [sum(runs[r]) / sum(vnc[r]) for r in paired]
        ratios = ['**%.2f×** (%.2f–%.2f, n=%d)' % (statistics.mean(first), min(first), max(first), len(first)),
                  '**%.2f×** (%.2f–%.2f)' % (statistics.mean(allk), min(allk), max(allk))]
    print('| %s | %d | %s | %s | %s |' % (name, len(runs), ' | '.join(cols), total, ' | '.join(ratios)))
