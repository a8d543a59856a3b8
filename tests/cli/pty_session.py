"""Runs a command on a pseudo-terminal, answers its prompt, prints what it showed.

Usage: pty_session.py ANSWER PROMPT_TEXT -- COMMAND [ARGS...]
Prints the whole terminal transcript on stdout and exits with the command's code.
"""
import os
import pty
import select
import sys
import time

answer, prompt = sys.argv[1], sys.argv[2]
command = sys.argv[sys.argv.index("--") + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(command[0], command)
transcript = b""
answered = False
deadline = time.time() + 20
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        transcript += chunk
    if not answered and prompt.encode() in transcript:
        os.write(fd, answer.encode() + b"\r")
        answered = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(transcript.decode(errors="replace"))
sys.exit(os.waitstatus_to_exitcode(status))
