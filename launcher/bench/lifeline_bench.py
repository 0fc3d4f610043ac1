#!/usr/bin/env python3
"""One measured Lifeline run on the shared yardstick workload (see ../../../shared/bench/README.md).

scene up -> novice launcher (on the display) + expert launcher (no display) -> invite, open, approve
-> first full frame -> [idle window] -> workload window -> +1 s -> final view compared with the display.
Screen bytes and updates come from the expert's ScreenViewer.stats() record (exact counts, read through
Gogo as `$v stats S`); novice CPU is utime+stime of the novice JVM from /proc, workload window only
(launcher start-up and the first frame are excluded). Writes BENCH_DIR/results/lifeline_<quality>_<TAG>.json
in the same shape as the shared run_one.sh, so the shared summarize.py lists it beside the VNC runs."""
import argparse, json, os, re, subprocess, sys, threading, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lshell import Launcher

FIELDS = re.compile(r'(\w+)=(.*?)(?=, \w+=|\]$)')


def cpu(pid):
    f = open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf('SC_CLK_TCK')


def uptime(pid):
    """Seconds since the process started (the time base of -XX:+LogCompilation stamps)."""
    f = open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()
    return float(open('/proc/uptime').read().split()[0]) - int(f[19]) / os.sysconf('SC_CLK_TCK')


def counters(pids, novice, x):
    """What a measured window starts and ends with: CPU of each process, the novice's threads, the expert's stats."""
    return {'cpu': {k: cpu(p) for k, p in pids.items()}, 'threads': threads(novice), 'stats': x.stats(),
            'uptime': uptime(novice)}


def recreate_scene(shared, env):
    """The shared scene torn down and put up again (between workloads of one session), then let settle."""
    subprocess.run([os.path.join(shared, 'scene.sh'), 'down'], env=env, check=True)
    subprocess.run([os.path.join(shared, 'scene.sh'), 'up'], env=env, check=True)
    time.sleep(2)


def sched(pid):
    """CPU seconds from the scheduler's exact runtime (schedstat, ns), summed over threads: a check on the
    tick-sampled utime+stime of cpu()."""
    total = 0
    for t in os.listdir('/proc/%d/task' % pid):
        try:
            total += int(open('/proc/%d/task/%s/schedstat' % (pid, t)).read().split()[0])
        except OSError:
            pass
    return total / 1e9


class Expert:
    """The expert's shell plus exact screen statistics; one command at a time."""
    def __init__(self, launcher, session):
        self.l, self.s, self.lock = launcher, session, threading.Lock()
        self.l.ok('v = $.context getService ($.context getServiceReference org.lifeline.api.screen.ScreenViewer)')

    def stats(self):
        with self.lock:
            out = self.l.ok('$v stats %s' % self.s).strip()
        t = time.monotonic()
        m = re.search(r'ScreenStats\[(.*)\]', out, re.S)
        if not m:
            raise RuntimeError('unexpected stats output: ' + out)
        d = dict(FIELDS.findall(m.group(1) + ']'))
        r = {'t': t, 'updates': int(d['updates']), 'screen_bytes': int(d['screenBytes']),
             'bytes_in': int(d['bytesIn']), 'bytes_out': int(d['bytesOut']), 'codec': d.get('codecSummary', ''),
             'quality': d.get('quality'), 'rtt_ms': int(d['roundTripMillis'])}
        cb = re.search(r'\bbytes (\d+)', r['codec'])
        r['codec_bytes'] = int(cb.group(1)) if cb else None
        return r

    def cmd(self, c, timeout=90):
        with self.lock:
            return self.l.ok(c, timeout)


def diff_pixels(png, display, work, tag, peak=None):
    """Pixels that differ between the expert's snapshot and the display (ImageMagick compare -metric AE)."""
    xwd = os.path.join(work, tag + '.xwd')
    subprocess.run(['xwd', '-root', '-silent', '-display', display, '-out', xwd], check=True)
    r = subprocess.run(['compare', '-metric', 'AE', png, xwd, 'null:'], capture_output=True, text=True)
    try:
        n = int(float(r.stderr.split()[0]))
    except (ValueError, IndexError):
        n = 'compare failed: ' + r.stderr.strip()
    if n != 0 and peak is not None:
        # how far off the worst pixel is (0-255 per channel), for lossy profiles
        p = subprocess.run(['compare', '-metric', 'PAE', png, xwd, 'null:'], capture_output=True, text=True)
        m = re.search(r'\(([\d.e-]+)\)', p.stderr)
        peak.append(round(float(m.group(1)) * 255) if m else p.stderr.strip())
    os.remove(xwd)
    return n


def threads(pid):
    """CPU seconds per thread name (numbers dropped, so 'GC Thread#0' and '#1' add up)."""
    out = {}
    for t in os.listdir('/proc/%d/task' % pid):
        try:
            st = open('/proc/%d/task/%s/stat' % (pid, t)).read()
        except OSError:
            continue
        name = re.sub(r'([#-])\d+', r'\1N', st[st.index('(') + 1:st.rindex(')')])
        f = st.rsplit(')', 1)[1].split()
        out[(t, name)] = (int(f[11]) + int(f[12])) / os.sysconf('SC_CLK_TCK')
    return out


def thread_delta(a, b):
    d = {}
    for k, v in b.items():
        d[k[1]] = d.get(k[1], 0) + v - a.get(k, 0)
    return {k: round(v, 2) for k, v in sorted(d.items(), key=lambda kv: -kv[1]) if v >= 0.01}


def delta(a, b, cpus):
    secs = b['t'] - a['t']
    d = {'seconds': round(secs, 3), 'bytes': b['screen_bytes'] - a['screen_bytes'], 'updates': b['updates'] - a['updates'],
         'wire_bytes_in': b['bytes_in'] - a['bytes_in']}
    d['bytes_per_s'] = round(d['bytes'] / secs) if secs else 0
    d['updates_per_s'] = round(d['updates'] / secs, 2) if secs else 0
    for k, (c0, c1) in cpus.items():
        d[k + '_cpu_s'] = round(c1 - c0, 2)
    return d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', required=True, help='the shared bench folder (scene.sh, workload.sh)')
    ap.add_argument('--jar', required=True)
    ap.add_argument('--display', default=':91')
    ap.add_argument('--work', required=True, help='BENCH_DIR (holds xvfb.pid, results/)')
    ap.add_argument('--tag', default=time.strftime('%H%M%S'))
    ap.add_argument('--quality', default='auto', help='auto | low | high (ra:quality before the first frame)')
    ap.add_argument('--idle', type=float, default=0, help='seconds of idle measurement before the workload (0 = none)')
    ap.add_argument('--no-workload', action='store_true')
    ap.add_argument('--jvm-opts', default='', help='extra JVM options for both launchers (e.g. -XX:TieredStopAtLevel=1)')
    ap.add_argument('--novice-jvm-opts', default='', help='extra JVM options for the novice only (e.g. a profiler)')
    ap.add_argument('--launch', choices=('script', 'jar'), default='script',
                    help="start both launchers with the distribution's bin/lifeline (default) or as java -jar")
    ap.add_argument('--novice-cfg', action='append', default=[], metavar='PID:KEY=VALUE',
                    help='configuration for the novice, written to its DATA/etc/PID.cfg before it starts')
    ap.add_argument('--repeat', type=int, default=1, help='run the workload this many times in the same session '
                    '(scene re-created between them, outside the measured windows); each measured like the first')
    ap.add_argument('--label', default='', help='appended to the result name, e.g. c1only')
    ap.add_argument('--warmup', action='store_true', help='run the workload once unmeasured first (warm JIT), '
                    'then re-create the scene and measure; bytes then count from just before the measured workload')
    ap.add_argument('--sample', type=float, default=1.0, help='stats sampling period during the workload (0 = off)')
    a = ap.parse_args()
    env = dict(os.environ, D=a.display, BENCH_DIR=a.work)
    res = os.path.join(a.work, 'results'); os.makedirs(res, exist_ok=True)
    name = 'lifeline_%s%s%s_%s' % (a.quality, '-warm' if a.warmup else '', '-' + a.label if a.label else '', a.tag)
    out = os.path.join(res, name)
    run_dir = os.path.join(a.work, 'run-' + name)
    subprocess.run(['rm', '-rf', run_dir], check=True)
    xvfb = int(open(os.path.join(a.work, 'xvfb.pid')).read())
    subprocess.run([os.path.join(a.shared, 'scene.sh'), 'up'], env=env, check=True)
    nov = exp = None
    r = {'server': 'lifeline', 'quality': a.quality, 'jar': a.jar, 'launch': a.launch, 'jvm_opts': a.jvm_opts, 'date': time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}
    try:
        for c in a.novice_cfg:
            pid, kv = c.split(':', 1)
            os.makedirs(run_dir + '/novice/etc', exist_ok=True)
            with open('%s/novice/etc/%s.cfg' % (run_dir, pid), 'a') as f:
                f.write(kv + '\n')
        r['novice_cfg'] = a.novice_cfg
        nov = Launcher('novice', a.jar, run_dir + '/novice', a.display, log=run_dir + '.novice.log', jvm_opts=a.jvm_opts.split() + a.novice_jvm_opts.split(), launch=a.launch)
        exp = Launcher('expert', a.jar, run_dir + '/expert', None, log=run_dir + '.expert.log', jvm_opts=a.jvm_opts.split(), launch=a.launch)
        ticket = run_dir + '/bench.msrcincident'
        nov.ok('ra:invite --out %s --password pw123456 --expires 1h' % ticket)
        o = exp.ok('ra:open %s --password pw123456 --name bench' % ticket)
        es = re.search(r'session (\S+): connected', o).group(1)
        ns = None
        for _ in range(50):
            m = re.search(r'session (\S+): bench\S* wants to connect', nov.ok('ra:events'))
            if m:
                ns = m.group(1); break
            time.sleep(0.1)
        if ns is None:
            raise RuntimeError('the novice never saw the connection request')
        t_approve = time.monotonic()
        nov.ok('ra:approve %s' % ns)
        exp.ok('ra:await %s VIEWING 10' % es)
        x = Expert(exp, es)
        if a.quality != 'auto':
            x.cmd('ra:quality %s %s' % (es, a.quality))
        x.cmd('ra:snapshot %s %s' % (es, run_dir + '/first.png'))
        s0 = x.stats()
        r['init'] = {'bytes': s0['screen_bytes'], 'updates': s0['updates'], 'seconds': round(s0['t'] - t_approve, 3),
                     'codec': s0['codec']}
        time.sleep(1)
        pids = {'server': nov.pid, 'expert': exp.pid, 'xvfb': xvfb}
        if a.idle:
            b = counters(pids, nov.pid, x)
            time.sleep(a.idle)
            e = counters(pids, nov.pid, x); i1 = e['stats']
            r['idle_novice_threads_cpu_s'] = thread_delta(b['threads'], e['threads'])
            r['idle'] = delta(b['stats'], i1, {k: (b['cpu'][k], e['cpu'][k]) for k in pids})
            r['idle']['server_cpu_pct'] = round(100 * r['idle']['server_cpu_s'] / r['idle']['seconds'], 2)
            r['idle']['codec_after'] = i1['codec']
        if a.warmup:
            subprocess.run([os.path.join(a.shared, 'workload.sh')], env=env, capture_output=True)
            recreate_scene(a.shared, env)
            s0 = x.stats()
            r['warmup'] = {'codec_after': s0['codec']}
        if not a.no_workload:
            th0 = threads(nov.pid); r['novice_uptime_at_start_s'] = round(uptime(nov.pid), 2); r['epoch_at_start'] = time.time()
            c0 = {k: cpu(p) for k, p in pids.items()}; q0 = sched(nov.pid); w0 = x.stats(); T0 = time.monotonic()
            samples, done = [], threading.Event()
            def sampler():
                while not done.wait(a.sample):
                    samples.append(x.stats())
            th = threading.Thread(target=sampler, daemon=True)
            if a.sample:
                th.start()
            wl = subprocess.run([os.path.join(a.shared, 'workload.sh')], env=env, capture_output=True, text=True)
            time.sleep(1)
            done.set(); th.join() if a.sample else None
            c1 = {k: cpu(p) for k, p in pids.items()}; q1 = sched(nov.pid); w1 = x.stats(); T1 = time.monotonic()
            r['server_schedstat_cpu_s'] = round(q1 - q0, 2); r['novice_uptime_at_end_s'] = round(uptime(nov.pid), 2); r['epoch_at_end'] = time.time()
            r['novice_threads_cpu_s'] = thread_delta(th0, threads(nov.pid))
            r['workload_end'] = wl.stderr.strip()
            r['workload_wall_s'] = round(T1 - T0, 2)
            for k in pids:
                r[k + '_cpu_s'] = round(c1[k] - c0[k], 2)
            r['client_cpu_s'] = r['expert_cpu_s']
            w = delta(w0, w1, {})
            # the shared table counts 'meas' from the first full frame on (rfbbench), so do the same
            # (after an idle window: from the workload's start; after --warmup: from the re-created scene)
            m = delta(w0 if a.idle else s0, w1, {})
            m['workload_only'] = w
            m['pixels'] = 0; m['pixels_per_byte'] = 0
            m['by_type'] = {'codec_before_workload': s0['codec'], 'codec_at_end': w1['codec']}
            seq = [w0] + samples + [w1]
            m['per_second'] = [[b['screen_bytes'] - p['screen_bytes'], b['updates'] - p['updates'], round(b['t'] - T0, 2)]
                               for p, b in zip(seq, seq[1:])]
            r['meas'] = m
            snap = run_dir + '/final.png'
            r['final_view'] = []
            for attempt in range(3):
                x.cmd('ra:snapshot %s %s' % (es, snap))
                peak = []
                d = diff_pixels(snap, a.display, a.work, name, peak)
                r['final_view'].append({'after_s': round(time.monotonic() - T1 + 1, 1), 'differing_pixels': d})
                if peak:
                    r['final_view'][-1]['peak_channel_error'] = peak[0]
                if d == 0:
                    break
                time.sleep(1)
        if a.repeat > 1:
            r['repeats'] = []
            for i in range(2, a.repeat + 1):
                recreate_scene(a.shared, env)
                b = counters(pids, nov.pid, x)
                subprocess.run([os.path.join(a.shared, 'workload.sh')], env=env, capture_output=True)
                time.sleep(1)
                e = counters(pids, nov.pid, x)
                rep = {'n': i, 'novice_threads_cpu_s': thread_delta(b['threads'], e['threads']),
                       'bytes': e['stats']['screen_bytes'] - b['stats']['screen_bytes'],
                       'updates': e['stats']['updates'] - b['stats']['updates'],
                       'novice_uptime_s': [round(b['uptime'], 2), round(e['uptime'], 2)]}
                for k in pids:
                    rep[k + '_cpu_s'] = round(e['cpu'][k] - b['cpu'][k], 2)
                r['repeats'].append(rep)
            snap = run_dir + '/final-repeat.png'
            x.cmd('ra:snapshot %s %s' % (es, snap))
            r['final_view_after_repeats'] = diff_pixels(snap, a.display, a.work, name + '-rep')
        r['novice_sessions'] = nov.ok('ra:sessions').strip()
        r['expert_stats'] = x.cmd('ra:stats %s' % es).strip()
    finally:
        for l in (exp, nov):
            if l:
                l.stop()
        subprocess.run([os.path.join(a.shared, 'scene.sh'), 'down'], env=env)
    json.dump(r, open(out + '.json', 'w'), indent=1)
    if 'meas' in r:
        m = r['meas']
        print('%s: init %d B | meas %d B, %.1f s, %d B/s, %d upd (%.1f/s) | novCPU %.2f s xvfbCPU %.2f s expCPU %.2f s '
              'wall %.1f | final view diff %s | %s' % (out, r['init']['bytes'], m['bytes'], m['seconds'], m['bytes_per_s'],
              m['updates'], m['updates_per_s'], r['server_cpu_s'], r['xvfb_cpu_s'], r['expert_cpu_s'], r['workload_wall_s'],
              [f['differing_pixels'] for f in r['final_view']], m['by_type']['codec_at_end']))
        print('  novice threads (CPU s): %s; novice CPU by schedstat %.2f s' % (r['novice_threads_cpu_s'],
              r['server_schedstat_cpu_s']))
    for rep in r.get('repeats', []):
        print('  workload %d: %d B, %d upd | novCPU %.2f s xvfbCPU %.2f s | %s' % (rep['n'], rep['bytes'], rep['updates'],
              rep['server_cpu_s'], rep['xvfb_cpu_s'], rep['novice_threads_cpu_s']))
    if 'repeats' in r:
        print('  all %d workloads: novice CPU %.2f s; final view diff after them %s' % (1 + len(r['repeats']),
              r['server_cpu_s'] + sum(p['server_cpu_s'] for p in r['repeats']), r['final_view_after_repeats']))
    if 'idle' in r:
        i = r['idle']
        print('%s: idle %.1f s: %d B, %d upd, novice CPU %.2f s (%.2f%%), xvfb %.2f s' % (out, i['seconds'], i['bytes'],
              i['updates'], i['server_cpu_s'], i['server_cpu_pct'], i['xvfb_cpu_s']))
        print('  novice threads while idle (CPU s): %s' % r['idle_novice_threads_cpu_s'])


if __name__ == '__main__':
    main()
