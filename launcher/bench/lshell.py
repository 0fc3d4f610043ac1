"""A Lifeline launcher in its own JVM, driven through its Gogo shell on stdin (as a script would)."""
import os, queue, subprocess, threading, time


class Launcher:
    def __init__(self, name, jar, data, display=None, log=None, java='java', xmx='256m', jvm_opts=(), launch='script'):
        self.name, self.marker = name, 0
        os.makedirs(data, exist_ok=True)
        env = dict(os.environ)
        script = os.path.join(os.path.dirname(jar), 'bin', 'lifeline')
        opts = ['-Xmx' + xmx, '-Djava.awt.headless=true', *jvm_opts]
        if launch == 'script' and os.path.exists(script):
            # as users start it: the script execs java with its own JVM options, so the PID stays the JVM's
            cmd = ['sh', script, '--headless', '--loopback-only', '--data', data]
            env['LIFELINE_JAVA'], env['LIFELINE_JAVA_OPTS'] = java, ' '.join(opts)
        else:
            cmd = [java, *opts, '-jar', jar, '--headless', '--loopback-only', '--data', data]
        if display:
            cmd += ['--display', display]
            env['DISPLAY'] = display
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, bufsize=1, env=env)
        self.pid = self.p.pid
        self.q = queue.Queue()
        self.log = open(log, 'w') if log else None
        threading.Thread(target=self._pump, daemon=True).start()
        self.await_line('ready in', 90)

    def _pump(self):
        for line in self.p.stdout:
            if self.log:
                self.log.write(line); self.log.flush()
            self.q.put(line)
        self.q.put(None)

    def await_line(self, text, seconds):
        end = time.time() + seconds
        while time.time() < end:
            try:
                line = self.q.get(timeout=0.2)
            except queue.Empty:
                continue
            if line is None:
                raise RuntimeError('%s exited before printing %r' % (self.name, text))
            if text in line:
                return line
        raise RuntimeError('%s did not print %r within %d s' % (self.name, text, seconds))

    def run(self, command, timeout=90):
        """Runs one shell line; returns what it printed (prompts and the Gogo banner removed)."""
        self.marker += 1
        end = '__end_%d__' % self.marker
        self.p.stdin.write(command + '\necho ' + end + '\n')
        self.p.stdin.flush()
        out, deadline = [], time.time() + timeout
        while True:
            line = self.q.get(timeout=max(0.1, deadline - time.time()))
            if line is None:
                raise RuntimeError('%s exited during %r' % (self.name, command))
            line = line.replace('g! ', '')
            if end in line:
                break
            if line.strip() and 'Welcome to Apache Felix Gogo' not in line and not line.startswith('_____'):
                out.append(line)
        return ''.join(out)

    def ok(self, command, timeout=90):
        out = self.run(command, timeout)
        if 'gogo:' in out or 'Exception' in out:
            raise RuntimeError('%s: %r failed:\n%s' % (self.name, command, out))
        return out

    def cpu_seconds(self):
        """utime + stime of the JVM, all threads, from /proc."""
        f = open('/proc/%d/stat' % self.pid).read().rsplit(')', 1)[1].split()
        return (int(f[11]) + int(f[12])) / os.sysconf('SC_CLK_TCK')

    def stop(self):
        if self.p.poll() is None:
            try:
                self.p.stdin.close()
            except OSError:
                pass
            try:
                self.p.wait(20)
            except subprocess.TimeoutExpired:
                self.p.terminate()
                try:
                    self.p.wait(10)
                except subprocess.TimeoutExpired:
                    self.p.kill(); self.p.wait()
        if self.log:
            self.log.close()
