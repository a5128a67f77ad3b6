# The README's commands. `make run` starts the dashboard (building the demo warehouse on
# first start); `make test` runs the whole suite, browser tests included.
PORT ?= 8501
# Listens on this machine only unless told otherwise (`make run HOST=0.0.0.0`, behind a TLS proxy: see the README).
HOST ?= 127.0.0.1
UV ?= $(shell command -v uv 2>/dev/null || echo "python3 -m uv")

.PHONY: run test demo lint setup bench bench-national

setup:
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen

# The report scheduler (subscribed PDFs by e-mail, python -m reports scheduler) runs beside the dashboard and stops with it.
run: setup
	$(UV) run python -m pipelines demo --if-missing
	$(UV) run python -m reports scheduler & scheduler=$$!; trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(UV) run streamlit run serve.py --server.address $(HOST) --server.port $(PORT) --server.headless true \
		--browser.gatherUsageStats false --server.maxUploadSize $$($(UV) run python -m settings upload-mb)

demo: setup
	$(UV) run python -m pipelines demo

test: setup
	bash .ci/system-deps
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run pytest

lint: setup
	$(UV) run ruff check . && $(UV) run ruff format --check .

# Benchmarks (not part of `make test`): district and province, then bench/results.md.
# `make bench-national` adds the national scale (4.3 million employees; generated once into bench/cache).
bench: setup
	$(UV) run python -m bench --scales district,province

bench-national: setup
	$(UV) run python -m bench --scales national
