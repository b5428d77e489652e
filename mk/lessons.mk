# SPDX-License-Identifier: GPL-2.0-only
# make lessons: the lesson book, docs/lessons/ (issue 17), generated from the
# rules' --meta, one run's results.json and docs/lessons/{data,i18n,text}/.
#   make lessons [LESSONS_RESULTS=results/<kernel>/results.json]
# The topology diagrams come from netns/topo.c's tables, printed by
# $(BUILD)/netns/tools/topologies; graphviz draws them (scripts/deps docs).
TOPOLOGIES_TOOL := $(BUILD)/netns/tools/topologies
LESSONS_RESULTS ?= $(RESULTS)/$(shell uname -r)/results.json

.PHONY: lessons lessons-build
lessons:
	@scripts/deps --ensure docs
	@$(MAKE) --no-print-directory -s WERROR=1 lessons-build
	@scripts/lessons --build $(BUILD) --results $(LESSONS_RESULTS)

lessons-build: $(RULES_INDEX) $(TOPOLOGIES_TOOL)

all: $(TOPOLOGIES_TOOL)

$(BUILD)/netns/tools/%: netns/tools/%.c $(HARNESS_LIB) $(NONSS_OBJ)
	@mkdir -p $(@D)
	$(LINK)
