"""gunicorn's settings for Nope's web processes, one file for the image and for nope-web.service:

    gunicorn --config /etc/nope/gunicorn.conf.py 'app:create_app_from_environment()'

The app factory never starts the digest scheduler: one `nope scheduler` runs beside the web workers.
"""

import os

# PORT as for `python app.py`; every interface, since Docker or a reverse proxy forwards to it.
bind = f"0.0.0.0:{os.environ.get('PORT') or 3000}"

# Threads rather than many processes: a request mostly waits on Slack or the database, and each
# worker holds its own copy of the app and its own database pool. 2 x 8 is what bench/ack_latency.py measures.
worker_class = "gthread"
workers = int(os.environ.get("NOPE_WEB_WORKERS") or 2)
threads = int(os.environ.get("NOPE_WEB_THREADS") or 8)

# Slack keeps its connections open between requests; more than gunicorn's 2 s saves reconnects.
keepalive = 5

# No control socket (gunicorn 25.1 and later): nothing here uses gunicornc, and it would want a
# writable home directory. Older versions ignore the unknown name.
control_socket_disable = True

# Never preload: each worker must build its own database engine and listener threads after the fork.
preload_app = False

# The workers' heartbeat files on tmpfs: on a container's overlay filesystem they can stall a worker.
if os.access("/dev/shm", os.W_OK):
    worker_tmp_dir = "/dev/shm"


def child_exit(server: object, worker: object) -> None:
    """With PROMETHEUS_MULTIPROC_DIR set, a worker that ended leaves its numbers to the others' /metrics."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[attr-defined]
