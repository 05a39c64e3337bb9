// Command postcheck checks social-media drafts before they are posted: as a web
// service with a browser form, and from the command line.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes of the check command and of every usage or input error.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	os.Exit(m.Run(ctx, os.Args[1:]))
}

// Main is the program; tests run it in-process with their own streams.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Ready, if set, receives the server's address once it listens (for tests).
	Ready chan<- string
}

const usage = `postcheck checks a social-media draft before it is posted.

Usage:
  postcheck serve [--addr 127.0.0.1:8080] [--policy FILE|DIR]   browser form and HTTP API
  postcheck check [flags] [FILE…|-]                              check drafts, compiler-style output
  postcheck check --jsonl [FILE|-]                               batch: one JSON object per line
  postcheck rules [--format text|json]                           list the rules
  postcheck eval [flags] FILE.jsonl                              precision/recall on labelled drafts
  postcheck version

Run 'postcheck COMMAND -h' for the flags of a command.
`

// Run runs one command and returns the exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "serve":
		err = m.serve(ctx, args[1:])
	case "check":
		return m.check(ctx, args[1:])
	case "rules":
		err = m.rules(args[1:])
	case "eval":
		err = m.eval(ctx, args[1:])
	case "version", "--version":
		fmt.Fprintln(m.Stdout, "postcheck", version())
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(m.Stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(m.Stderr, "postcheck: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintf(m.Stderr, "postcheck %s: %v\n", args[0], err)
		return exitUsage
	}
	return exitOK
}

// flags returns a flag set that reports errors instead of exiting.
func (m *Main) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("postcheck "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	return fs
}
