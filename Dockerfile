# Nope's image: gunicorn serving Slack's requests, as a non-root user, healthchecked on /readyz.
#   docker build -t nope .
# The same image runs `nope db upgrade` and `nope scheduler` (see compose.yaml and README "Deploying").

# -- build: install Nope and gunicorn into a virtualenv; only the virtualenv goes on --------------
FROM python:3.11-slim AS build

ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/nope/venv
# The whole build context, which .dockerignore keeps to the source (no .env, keys, .venv or .git).
COPY . /src
# Not editable: the virtualenv must stand alone once /src is left behind in this stage.
RUN /opt/nope/venv/bin/pip install '/src[deploy]'

# -- runtime --------------------------------------------------------------------------------------
FROM python:3.11-slim

# A fixed uid, so volumes and Kubernetes' runAsNonRoot can rely on it; its home is the working
# directory (gunicorn's control socket, and an SQLite file if DATABASE_URL is left unset).
RUN groupadd --system --gid 10001 nope \
    && useradd --system --uid 10001 --gid nope --create-home --home-dir /var/lib/nope \
        --shell /usr/sbin/nologin nope

COPY --from=build /opt/nope/venv /opt/nope/venv
COPY deploy/gunicorn.conf.py /etc/nope/gunicorn.conf.py

# Logs reach `docker logs` at once; web processes leave the digests to the one `nope scheduler`.
ENV PATH=/opt/nope/venv/bin:$PATH PYTHONUNBUFFERED=1 NOPE_SCHEDULER=off

USER 10001:10001
WORKDIR /var/lib/nope
EXPOSE 3000

# Healthy means ready: the database answers and its schema is the newest (/readyz; /healthz is liveness).
# The slim image has no curl: python's urllib asks /readyz, and a 503 (database away) raises, exit 1.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/readyz' % (os.environ.get('PORT') or 3000), timeout=4)"]

CMD ["gunicorn", "--config", "/etc/nope/gunicorn.conf.py", "app:create_app_from_environment()"]
