//go:build !linux

package sqltest

import "syscall"

// sysProcAttr runs a child with cred when set.
func sysProcAttr(cred *syscall.Credential) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: cred}
}
