# SPDX-License-Identifier: GPL-2.0-only
# The one map from a rule's id to its probe: cases/<topic>/<claim>.c is rule
# udp.<topic>.<claim>, built as $(BUILD)/cases/<topic>/<claim>.  Everything
# else (the runners, bats, make matrix, make mutate) reads $(BUILD)/rules.tsv:
#   <rule id> TAB <probe, relative to $(BUILD)> TAB <sentence, from --meta>

RULES_INDEX := $(BUILD)/rules.tsv
# A probe whose --meta id is not the one its path gives stops the build.
RULES_ROW := if ("udp." + ($$p | ltrimstr("cases/") | gsub("/"; "."))) != .id then error("\($$p): declares id \(.id), its path says otherwise") else "\(.id)\t\($$p)\t\(.sentence)\n" end

all: $(RULES_INDEX)

$(RULES_INDEX): $(PROBES)
	@for p in $(PROBES:$(BUILD)/%=%); do \
		"$(BUILD)/$$p" --meta | jq -j --arg p "$$p" '$(RULES_ROW)' || exit 1; \
	done >$@.tmp && mv $@.tmp $@
