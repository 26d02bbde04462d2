# Shortcuts for ./dev.sh, which does the work (it also installs libedit-dev when missing).
PREFIX ?= /usr/local
.PHONY: shell test build install setup
shell: ; ./dev.sh shell
test: ; ./dev.sh test
build: ; ./dev.sh build
install: ; PREFIX=$(PREFIX) ./dev.sh install
setup: ; ./dev.sh setup
