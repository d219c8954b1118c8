package org.st20xx;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input file (matrix, playbook, CSV, credentials) has problems. All of them are collected
 * before this is thrown, and each is printed on its own line; exit 2.
 */
public class InvalidInputException extends St20xxException {
    private final List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(ExitStatus.USAGE, problems.stream().map(InputProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems to report");
        }
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
