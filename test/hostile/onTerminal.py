"""Runs a command on a pseudo-terminal for the interrupt tests: prints "PID <n>" first, then relays
the terminal's output to stdout and stdin to the terminal (so writing \\x03 is a real Ctrl-C), and
exits with the command's exit code."""
import os
import pty
import select
import sys

pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
sys.stdout.write(f"PID {pid}\n")
sys.stdout.flush()
inputs = [fd, sys.stdin.fileno()]
while True:
    ready, _, _ = select.select(inputs, [], [])
    if fd in ready:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    if sys.stdin.fileno() in ready:
        data = os.read(sys.stdin.fileno(), 1024)
        if data:
            os.write(fd, data)
        else:
            inputs.remove(sys.stdin.fileno())
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
