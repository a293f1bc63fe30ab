# notekit: `make demo` runs notekit on Notes/, `make test` runs the tests,
# `make screenshots` renders two essays to HTML and screenshots them with headless Chromium.
# They install the Debian packages notekit needs when they are missing.

APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT_BUILD_FLAGS ?=
NOTEKIT := .build/debug/notekit

.PHONY: deps build demo test bench screenshots clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build $(SWIFT_BUILD_FLAGS)

demo: build
	$(NOTEKIT) parse Notes

test: deps
	swift test $(SWIFT_BUILD_FLAGS)

screenshots: build
	scripts/screenshot.sh

clean:
	rm -rf .build
