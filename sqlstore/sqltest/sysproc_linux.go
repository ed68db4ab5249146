package sqltest

import "syscall"

// sysProcAttr runs a child with cred (when set) and has the kernel stop it should the test
// binary die without reaching RunMain's cleanup.
func sysProcAttr(cred *syscall.Credential) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGQUIT}
}
