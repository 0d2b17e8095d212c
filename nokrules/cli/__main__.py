from nokrules.cli.main import main

main()
