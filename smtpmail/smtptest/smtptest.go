// Package smtptest runs a small SMTP server on the loopback interface for tests: it speaks
// the protocol a real server speaks (EHLO, MAIL, RCPT, DATA, QUIT) and keeps what it receives.
package smtptest

import (
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"
)

// Message is one message the server accepted.
type Message struct {
	From string
	To   []string
	Data string
}

// Server is a running test server.
type Server struct {
	Addr string
	mu   sync.Mutex
	msgs []Message
	ln   net.Listener
}

// Start starts a server closed by the test's cleanup.
func Start(tb testing.TB) *Server {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), ln: ln}
	go s.serve()
	tb.Cleanup(func() { ln.Close() })
	return s
}

// Messages returns what was received so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

func (s *Server) serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.session(c)
	}
}

func (s *Server) session(c net.Conn) {
	defer c.Close()
	tp := textproto.NewConn(c)
	_ = tp.PrintfLine("220 localhost ESMTP test")
	var m Message
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		switch verb {
		case "EHLO", "HELO":
			_ = tp.PrintfLine("250-localhost\r\n250 8BITMIME")
		case "MAIL":
			m = Message{From: addrOf(line)}
			_ = tp.PrintfLine("250 ok")
		case "RCPT":
			m.To = append(m.To, addrOf(line))
			_ = tp.PrintfLine("250 ok")
		case "DATA":
			_ = tp.PrintfLine("354 go ahead")
			data, err := tp.ReadDotBytes()
			if err != nil {
				return
			}
			m.Data = string(data)
			s.mu.Lock()
			s.msgs = append(s.msgs, m)
			s.mu.Unlock()
			_ = tp.PrintfLine("250 queued")
		case "QUIT":
			_ = tp.PrintfLine("221 bye")
			return
		case "RSET", "NOOP":
			_ = tp.PrintfLine("250 ok")
		default:
			_ = tp.PrintfLine("502 not implemented")
		}
	}
}

func addrOf(line string) string {
	if i := strings.Index(line, "<"); i >= 0 {
		if j := strings.Index(line[i:], ">"); j > 0 {
			return line[i+1 : i+j]
		}
	}
	return ""
}
