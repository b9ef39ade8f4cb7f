# Collector Guide for a gallery: `collector-guide serve` in a slim image, as an unprivileged user.
#
#   docker build -t collector-guide .
#   docker run -p 8501:8501 -e COLLECTOR_GUIDE_LINK_KEY=… collector-guide
#
# Drafts (photos, long notes) stay in memory by default; for replicas point
# COLLECTOR_GUIDE_DRAFTS at Redis, or mount /data and use sqlite:////data/drafts.db.
# See docs/deploy.md.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --system --create-home --home-dir /home/guide --uid 10001 guide \
    && mkdir /data && chown guide /data

WORKDIR /app
# The app reads its rubrics, sample works and Streamlit settings beside app.py.
COPY pyproject.toml README.md app.py ./
COPY .streamlit ./.streamlit
COPY collector_guide ./collector_guide
COPY rubrics ./rubrics
COPY sample_works ./sample_works
RUN pip install -e . && python -m compileall -q collector_guide

# The code stays root's and read-only; the guide runs as `guide`.
USER guide
EXPOSE 8501
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"
CMD ["collector-guide", "serve", "--host", "0.0.0.0", "--port", "8501"]
