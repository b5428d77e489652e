# make lint: static checks of the project's own code.
.PHONY: lint
lint:
	shellcheck -x scripts/preflight scripts/deps scripts/check scripts/test scripts/update-goldens .ci/run cases/helper.bash
