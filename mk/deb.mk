# SPDX-License-Identifier: GPL-2.0-only
# make deb: the Debian package (debian/, debhelper compat 13), built by
# dpkg-buildpackage -us -uc -b from a copy of the tracked files in
# build/deb/src (the checkout stays as it is), then lintian.  Its test step
# (debian/test-build) is the suite, rootless when not root; built by root,
# the copy is built as nobody so that it is.  DEB_BUILD_OPTIONS=nocheck
# leaves the suite out.  The .deb lands in build/deb/.
# Debian packages: the package group of scripts/deps.
DEB_DIR := build/deb

.PHONY: deb
deb:
	@scripts/deps --ensure package
	@rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/src
	@git ls-files | grep -v '^results/' | tar -cf - -T - | tar -xf - -C $(DEB_DIR)/src
	@mkdir -p $(DEB_DIR)/src/results $(DEB_DIR)/tmp
	@# The build's own temporary folder (make exports TMPDIR as build/tmp,
	@# which nobody cannot write): dpkg-deb writes its members there.
	@if [ "$$(id -u)" = 0 ]; then \
		chown -R 65534:65534 $(DEB_DIR); \
		as_user="setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp"; \
	fi; \
	export TMPDIR=$(abspath $(DEB_DIR))/tmp; \
	echo "udpconform: dpkg-buildpackage -us -uc -b in $(DEB_DIR)/src (log: $(DEB_DIR)/build.log)"; \
	cd $(DEB_DIR)/src && $$as_user dpkg-buildpackage -us -uc -b >../build.log 2>&1 || \
		{ tail -n 20 ../build.log >&2; echo "udpconform: the package did not build; see $(DEB_DIR)/build.log" >&2; exit 1; }
	@lintian --fail-on error,warning $(DEB_DIR)/*.changes && \
		echo "udpconform: lintian: $$(ls $(DEB_DIR)/*.deb | xargs -n1 basename | paste -sd ' ') clean (overrides: debian/udpconform.lintian-overrides)"
