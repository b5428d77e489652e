# SPDX-License-Identifier: GPL-2.0-only
# make lab [TOPO=link]: a shell in the client's namespace of a throwaway
# topology (docs/lab.md, lab/lab.c).  $(BUILD)/lab/ is the whole lab, laid
# out as it is installed: lab (the launcher), labrc, and bin/ (what the
# shell finds first on PATH: udpc and its lab-HOST names, the lecture's
# programs, lab-exercise and its exercises).
TOPO      ?= link
LAB_DIR   := $(BUILD)/lab
LAB_HOSTS := server stranger router
LAB_BIN   := $(addprefix $(LAB_DIR)/bin/,udpc lecture-client echo-server lab-exercise tcpdump \
               exercises.tsv $(addprefix lab-,$(LAB_HOSTS)))
LAB       := $(LAB_DIR)/lab $(LAB_DIR)/labrc $(LAB_BIN) $(LAB_DIR)/lib/keepgroups.so

.PHONY: lab lab-build
all: $(LAB)
lab-build: $(LAB)

lab: lab-build $(RULES_INDEX)
	@scripts/deps --ensure lab
	@scripts/lab --topo $(TOPO)

$(LAB_DIR)/lab: lab/lab.c $(HARNESS_LIB) $(NONSS_OBJ)
	@mkdir -p $(@D)
	$(LINK)

$(LAB_DIR)/bin/udpc: lab/udpc.c $(HARNESS_LIB) $(NONSS_OBJ)
	@mkdir -p $(@D)
	$(LINK)

# The lecture's programs are plain sockets: no harness.
$(LAB_DIR)/bin/lecture-client $(LAB_DIR)/bin/echo-server: $(LAB_DIR)/bin/%: lab/%.c
	@mkdir -p $(@D) $(dir $(DEPS))
	$(CC) $(CFLAGS) $(filter-out -I%,$(UDPC_CFLAGS)) $(DEPFLAGS) -o $@ $< $(ALL_LDFLAGS)

$(addprefix $(LAB_DIR)/bin/lab-,$(LAB_HOSTS)): $(LAB_DIR)/bin/udpc
	ln -sf udpc $@

$(LAB_DIR)/bin/lab-exercise $(LAB_DIR)/bin/tcpdump $(LAB_DIR)/bin/exercises.tsv: $(LAB_DIR)/bin/%: lab/%
	@mkdir -p $(@D)
	cp -p $< $@

$(LAB_DIR)/labrc: lab/labrc
	@mkdir -p $(@D)
	cp -p $< $@

# Shared, for LD_PRELOAD: never part of a probe (lab/keepgroups.c).
$(LAB_DIR)/lib/keepgroups.so: lab/keepgroups.c
	@mkdir -p $(@D) $(dir $(DEPS))
	$(CC) $(CFLAGS) $(filter-out -I%,$(UDPC_CFLAGS)) $(DEPFLAGS) -shared -fPIC -o $@ $<
